namespace Consortium.OrcidSimulator.State;

/// <summary>A person with an ORCID iD who can sign in to the simulated ORCID with their email and password.</summary>
public sealed record SimulatedResearcher(string Orcid, string GivenNames, string FamilyNames, string Email, string Password)
{
    public string Name => $"{GivenNames} {FamilyNames}".Trim();
}
