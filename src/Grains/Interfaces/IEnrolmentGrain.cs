using Consortium.Grains.Courses;
using Consortium.Orcid;

namespace Consortium.Grains.Interfaces;

/// <summary>A learner's sign-up to a course, with a link to connect their ORCID iD then. Key: <see cref="EnrolmentKey.For"/>.</summary>
[Alias("IEnrolmentGrain")]
public interface IEnrolmentGrain : IGrainWithStringKey
{
    /// <summary>Creates the enrolment and its link; the same sign-up again answers the same link.</summary>
    [Alias("Create")]
    Task<EnrolmentCreated> CreateAsync(OrcidEnvironment environment, Learner learner, Course course);

    /// <exception cref="ClaimRefusedException">The secret does not match (<see cref="ClaimRefusal.NotValid"/>).</exception>
    [Alias("Open")]
    Task<EnrolmentView> OpenAsync(string secret);

    /// <summary>The learner connected through the link: their platform user id and email now lead to this iD.</summary>
    /// <exception cref="ClaimRefusedException">The secret does not match.</exception>
    [Alias("Connect")]
    Task<EnrolmentView> ConnectAsync(string secret, string orcid);
}
