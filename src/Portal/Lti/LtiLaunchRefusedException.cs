namespace Consortium.Portal.Lti;

/// <summary>A launch the tool refuses; the message says why (to the platform's admin who reads it, never a token's content).</summary>
public sealed class LtiLaunchRefusedException(string reason) : Exception(reason);
