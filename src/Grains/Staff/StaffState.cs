namespace Consortium.Grains.Staff;

[GenerateSerializer, Alias("StaffState")]
public sealed record StaffState
{
    [Id(0)] public IReadOnlyList<StaffRole> Roles { get; init; } = [];
}
