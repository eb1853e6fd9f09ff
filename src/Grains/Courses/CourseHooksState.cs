namespace Consortium.Grains.Courses;

[GenerateSerializer, Alias("CourseHooksState")]
public sealed record CourseHooksState
{
    /// <summary>The webhook secret, encrypted with Data Protection (it must be read back to check signatures).</summary>
    [Id(0)] public string? ProtectedSecret { get; init; }

    [Id(1)] public DateTimeOffset? SecretCreatedAt { get; init; }

    /// <summary>The last four characters of the secret, all the settings page shows.</summary>
    [Id(2)] public string? SecretEnding { get; init; }

    /// <summary>Course id on the platform → template id.</summary>
    [Id(3)] public Dictionary<string, string> Templates { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Signatures of calls received within the replay window, with when they were received.</summary>
    [Id(4)] public Dictionary<string, DateTimeOffset> Seen { get; init; } = new(StringComparer.Ordinal);
}
