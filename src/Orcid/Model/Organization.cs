namespace Consortium.Orcid.Model;

public sealed record Organization
{
    public required string Name { get; init; }
    public required OrganizationAddress Address { get; init; }
    public DisambiguatedOrganization? DisambiguatedOrganization { get; init; }
}
