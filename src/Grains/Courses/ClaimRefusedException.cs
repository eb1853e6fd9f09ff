namespace Consortium.Grains.Courses;

[GenerateSerializer, Alias("ClaimRefusedException")]
public sealed class ClaimRefusedException(ClaimRefusal reason) : Exception($"The claim link is refused: {reason}.")
{
    [Id(0)] public ClaimRefusal Reason { get; } = reason;
}
