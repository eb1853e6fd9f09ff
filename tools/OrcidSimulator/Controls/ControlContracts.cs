using System.Text.Json;

namespace Consortium.OrcidSimulator.Controls;

// The JSON bodies of the /_sim/ test controls (camelCase), as DESIGN.md lists them.

public sealed record NewClientRequest(string Name, string[]? RedirectUris);
public sealed record NewClientResponse(string ClientId, string ClientSecret);

/// <summary>How many times a record's qualifications were read (<c>/_sim/records/{orcid}/reads</c>).</summary>
public sealed record RecordReadCount(string Orcid, long Reads);

/// <param name="DefaultVisibility">The record's default visibility for new activities: public (when null), limited or private.</param>
/// <summary>A new researcher with a record; <c>password</c> (at least 4 characters) is made up when not given.</summary>
public sealed record NewResearcherRequest(string GivenNames, string FamilyNames, string Email, string? DefaultVisibility = null, string? Password = null);
public sealed record NewResearcherResponse(string Orcid, string Password);
public sealed record NextConsentRequest(string Orcid, string Decision);
/// <summary>public, limited or private, as the researcher sets it on ORCID's record page.</summary>
public sealed record VisibilityRequest(string Visibility);

/// <summary><see cref="Qualification"/> is ORCID JSON (kebab-case), as the member API takes it.</summary>
public sealed record PutQualificationRequest(string? SourceClientId, bool SelfAsserted, JsonElement Qualification);
public sealed record PutQualificationResponse(long PutCode);
public sealed record TokenView(string AccessToken, string ClientId, string? Orcid, string Scope, DateTimeOffset IssuedAt, bool Revoked);
public sealed record FaultRequest(string Kind, double Rate = 1, double DurationSeconds = 60, int LatencyMilliseconds = 2000);

/// <summary>A disambiguated organisation for ORCID to know: <see cref="Source"/> RINGGOLD, GRID, FUNDREF, LEI or ROR;
/// a ROR <see cref="Identifier"/> as ORCID holds it, <c>https://ror.org/…</c>.</summary>
public sealed record NewOrganisationRequest(string? Source, string? Identifier, string? Name);
