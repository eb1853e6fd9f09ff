using Consortium.Grains.Common;
using Consortium.Grains.Issuing;
using Consortium.Orcid.Model;

namespace Consortium.Grains.Courses;

/// <summary>A qualification a learner earned on a course platform, to be claimed with their ORCID iD through a link.
/// <see cref="ExternalId"/> names it, and the issuance it becomes, for good.</summary>
[GenerateSerializer, Immutable, Alias("NewClaim")]
public sealed record NewClaim(
    [property: Id(0)] string TemplateId,
    [property: Id(1)] string ExternalId,
    [property: Id(2)] Learner Learner,
    [property: Id(3)] Course Course,
    [property: Id(4)] DateOnly? CompletedAt)
{
    /// <exception cref="InvalidFieldException">The first malformed field.</exception>
    public NewClaim Validated()
    {
        // The issuance it becomes holds the same external id, so the same rules apply.
        var externalId = NewIssuance.CheckedExternalId(ExternalId);
        if (string.IsNullOrWhiteSpace(TemplateId))
        {
            throw new InvalidFieldException("templateId", "Name the template of the qualification, like 'laser-2'.");
        }
        if (CompletedAt is { } completed && !PartialDate.Accepts(completed))
        {
            throw new InvalidFieldException("completedAt", $"The completion date {completed:yyyy-MM-dd} is out of range: {PartialDate.AcceptedYears}.");
        }
        return new NewClaim(TemplateId.Trim(), externalId,
            (Learner ?? throw new InvalidFieldException("learner", "Give the learner: email, names and the platform's user id.")).Validated("learner"),
            (Course ?? throw new InvalidFieldException("course", "Give the course: its id and name.")).Validated("course"),
            CompletedAt);
    }

    /// <summary>The issuance a claim by <paramref name="orcid"/> asks for: started on the day the course was completed. To the iD
    /// alone: the claimant is connected, so there is nobody to invite by email.</summary>
    public NewIssuance IssuanceFor(string orcid) =>
        new(TemplateId, ExternalId, orcid, Email: null, CompletedAt, Learner.GivenNames, Learner.FamilyNames);
}
