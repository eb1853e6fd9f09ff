using Consortium.Orcid;

namespace Consortium.Grains.Courses;

/// <summary>The course platform lists in the installation's database: one row per claim (written by its grain after every change,
/// newer version wins; read with the status of the issuance each became) and one per sign-up, and the figures per course.</summary>
public interface ICoursesProjection
{
    Task SaveAsync(string tenant, ClaimView claim, long version);

    /// <summary>Stores the sign-up as it is now (a sign-up only ever gains a connection, so the last write is the newest).</summary>
    Task SaveAsync(string tenant, EnrolmentView enrolment);

    /// <summary>Per course: learners signed up, connected at sign-up, completed (a claim was made), written (in ORCID), claims waiting.</summary>
    Task<IReadOnlyList<CourseStats>> StatsAsync(string tenant, OrcidEnvironment environment, DateTimeOffset now);

    /// <summary>Newest first.</summary>
    Task<ClaimPage> ListAsync(string tenant, OrcidEnvironment environment, int skip, int take);
}
