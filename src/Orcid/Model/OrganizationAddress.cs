namespace Consortium.Orcid.Model;

/// <summary>City, region and ISO 3166 country code of an organisation.</summary>
public sealed record OrganizationAddress(string? City, string? Region, string? Country);
