using Consortium.Grains.Common;

namespace Consortium.Grains.Courses;

/// <summary>A course platform's learner, as the platform names them: its own user id and the email it holds.</summary>
[GenerateSerializer, Immutable, Alias("Learner")]
public sealed record Learner(
    [property: Id(0)] string? Email,
    [property: Id(1)] string? GivenNames,
    [property: Id(2)] string? FamilyNames,
    [property: Id(3)] string? LmsUserId)
{
    public const int MaxLength = 100;

    /// <summary>Null when the platform sent no names.</summary>
    public string? Name => string.Join(' ', new[] { GivenNames, FamilyNames }.Where(n => n is not null)) is { Length: > 0 } name ? name : null;

    /// <returns>The learner trimmed; the email checked.</returns>
    /// <exception cref="InvalidFieldException">A malformed field, named with <paramref name="prefix"/> (<c>learner.email</c>).</exception>
    public Learner Validated(string prefix)
    {
        var learner = new Learner(
            string.IsNullOrWhiteSpace(Email) ? null : Fields.Email($"{prefix}.email", Email),
            Optional($"{prefix}.givenNames", GivenNames, "given names"),
            Optional($"{prefix}.familyNames", FamilyNames, "family names"),
            Optional($"{prefix}.lmsUserId", LmsUserId, "LMS user id"));
        return learner is { Email: null, LmsUserId: null }
            ? throw new InvalidFieldException($"{prefix}.email", "Give the learner's email address or the course platform's user id for them.")
            : learner;
    }

    private static string? Optional(string field, string? value, string what) =>
        string.IsNullOrWhiteSpace(value) ? null : Fields.Text(field, value, MaxLength, what);
}
