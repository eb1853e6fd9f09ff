namespace Consortium.Portal.Lti;

/// <summary>The claims of an LTI 1.3 launch's id_token (1EdTech LTI Core 1.3, section 5) the tool reads.</summary>
public static class LtiClaims
{
    private const string Prefix = "https://purl.imsglobal.org/spec/lti/claim/";

    public const string MessageType = Prefix + "message_type";
    public const string Version = Prefix + "version";
    public const string DeploymentId = Prefix + "deployment_id";
    public const string TargetLinkUri = Prefix + "target_link_uri";
    public const string ResourceLink = Prefix + "resource_link";
    public const string Context = Prefix + "context";

    public const string ResourceLinkRequest = "LtiResourceLinkRequest";
    public const string Version13 = "1.3.0";
}
