namespace Consortium.Grains.Courses;

/// <summary>A tenant's course platform settings as admins see them: never the secret itself.</summary>
[GenerateSerializer, Immutable]
public sealed record CourseHooksSettings(
    [property: Id(0)] bool HasSecret,
    [property: Id(1)] DateTimeOffset? SecretCreatedAt,
    [property: Id(2)] string? SecretEnding,
    [property: Id(3)] IReadOnlyDictionary<string, string> Templates);
