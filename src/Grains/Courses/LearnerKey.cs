using System.Security.Cryptography;
using System.Text;
using Consortium.Grains.OrcidClients;
using Consortium.Orcid;

namespace Consortium.Grains.Courses;

/// <summary>How a course platform's learner is found again: by the platform's user id, or by email. Emails are hashed into keys
/// and ids, so no grain key or external id carries a learner's address.</summary>
public static class LearnerKey
{
    /// <summary>The keys a learner is linked under, the platform's user id first (the surer of the two).</summary>
    public static IReadOnlyList<string> For(string tenant, OrcidEnvironment environment, Learner learner) =>
        [.. Names(learner).Select(name => $"lk:{tenant}:{environment.Name()}:{name}")];

    /// <summary>A short stable name of the learner for external ids (<c>u-42</c> or <c>e-…</c>), the platform's id when there is one.</summary>
    public static string Name(Learner learner) => Names(learner)[0];

    private static string[] Names(Learner learner) =>
        [.. new[] { learner.LmsUserId is { } id ? "u-" + Safe(id) : null, learner.Email is { } email ? "e-" + Hash(email.ToLowerInvariant()) : null }
            .OfType<string>()];

    public static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..24];

    /// <summary>Letters, digits, dots, hyphens and underscores as they are; anything else makes the name a hash.</summary>
    private static string Safe(string value) =>
        value.Length <= 40 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_') ? value : Hash(value);
}
