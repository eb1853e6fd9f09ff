namespace Consortium.Orcid.OAuth;

/// <summary>The scopes ORCID's OAuth knows.</summary>
public static class OrcidScopes
{
    public const string Authenticate = "/authenticate";
    public const string ReadLimited = "/read-limited";
    public const string ActivitiesUpdate = "/activities/update";
    public const string PersonUpdate = "/person/update";
    public const string OpenId = "openid";
    /// <summary>Client-credentials only.</summary>
    public const string ReadPublic = "/read-public";
    /// <summary>Client-credentials only.</summary>
    public const string Webhook = "/webhook";
}
