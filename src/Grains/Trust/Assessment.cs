using Consortium.Orcid.Model;

namespace Consortium.Grains.Trust;

/// <summary>What the rule made of one qualification: the checks that decided it, and if it failed, why in short.</summary>
/// <param name="Decisive">When matched, the checks that held; otherwise every check that failed.</param>
internal sealed record Assessment(Qualification Qualification, SourceKind SourceKind, IReadOnlyList<Check> Decisive, Shortfall? Shortfall)
{
    public bool Matched => Shortfall is null;

    public Evidence ToEvidence() => new(
        Qualification.PutCode,
        Qualification.RoleTitle,
        Qualification.Organization?.Name,
        Qualification.Organization?.DisambiguatedOrganization?.DisambiguatedOrganizationIdentifier,
        Qualification.StartDate?.Printed(),
        Qualification.EndDate?.Printed(),
        SourceKind,
        Qualification.Source?.SourceName,
        Qualification.Source?.SourceClientId?.Path,
        Matched,
        Decisive.Select(check => check.Reason).ToList());
}
