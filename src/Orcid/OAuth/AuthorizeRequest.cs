namespace Consortium.Orcid.OAuth;

/// <summary>What goes into ORCID's authorize URL. The prefill fields only help the researcher fill ORCID's
/// form; the iD the portal trusts is the one the token response names.</summary>
public sealed record AuthorizeRequest
{
    public required string ClientId { get; init; }
    public required IReadOnlyList<string> Scopes { get; init; }
    public required Uri RedirectUri { get; init; }
    public required string State { get; init; }
    public string? FamilyNames { get; init; }
    public string? GivenNames { get; init; }
    public string? Email { get; init; }
    public OrcidId? Orcid { get; init; }
    /// <summary>ORCID's UI language, e.g. <c>en</c>, <c>de</c>.</summary>
    public string? Lang { get; init; }
    /// <summary>With <c>openid</c>: echoed in the id_token to bind it to this sign-in.</summary>
    public string? Nonce { get; init; }
    /// <summary>With <c>openid</c>: <c>login</c> or <c>none</c>.</summary>
    public string? Prompt { get; init; }
}
