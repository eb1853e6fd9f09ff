using Consortium.Grains.Courses;

namespace Consortium.Portal.Courses;

/// <summary>A learner completed a course, as a platform reports it. <see cref="TemplateId"/> and <see cref="ExternalId"/> are
/// optional: the tenant's course mapping and the course and learner give them otherwise.</summary>
public sealed record Completion(Course Course, Learner Learner, DateOnly? CompletedAt, string? TemplateId = null, string? ExternalId = null)
{
    /// <summary>The same course and learner always give the same external id, so a completion sent again is applied once.</summary>
    public string ExternalIdOrDefault => ExternalId ?? $"{CourseName(Course.Id)}.{LearnerKey.Name(Learner)}";

    private static string CourseName(string id) =>
        id.Length <= 40 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') && char.IsAsciiLetterOrDigit(id[0])
            ? "c-" + id
            : "c-" + LearnerKey.Hash(id)[..16];
}
