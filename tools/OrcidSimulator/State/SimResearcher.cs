namespace Consortium.OrcidSimulator.State;

public sealed record SimResearcher(string Orcid, string GivenNames, string FamilyNames, string Email, string Password)
{
    public string Name => $"{GivenNames} {FamilyNames}";
}
