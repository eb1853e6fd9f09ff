namespace Consortium.Grains.Courses;

[GenerateSerializer, Alias("EnrolmentState")]
public sealed record EnrolmentState
{
    [Id(0)] public EnrolmentView? View { get; init; }

    [Id(1)] public byte[] SecretHash { get; init; } = [];

    /// <summary>The link's token, encrypted with Data Protection, so the same sign-up again answers the same link.</summary>
    [Id(2)] public string ProtectedToken { get; init; } = "";
}
