namespace Consortium.Grains.Courses;

[GenerateSerializer, Alias("HookRefusedException")]
public sealed class HookRefusedException(HookRefusal reason) : Exception($"The course platform's call is refused: {reason}.")
{
    [Id(0)] public HookRefusal Reason { get; } = reason;
}
