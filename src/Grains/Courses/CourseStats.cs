namespace Consortium.Grains.Courses;

/// <summary>One course's figures: <see cref="Completed"/> counts completions (each makes a claim, claimed at once for a learner who
/// connected at sign-up), <see cref="Written"/> those now in ORCID, <see cref="ClaimsWaiting"/> those nobody has claimed yet (not expired).</summary>
[GenerateSerializer, Immutable]
public sealed record CourseStats(
    [property: Id(0)] string CourseId,
    [property: Id(1)] string? CourseName,
    [property: Id(2)] int Enrolled,
    [property: Id(3)] int Connected,
    [property: Id(4)] int Completed,
    [property: Id(5)] int Written,
    [property: Id(6)] int ClaimsWaiting);
