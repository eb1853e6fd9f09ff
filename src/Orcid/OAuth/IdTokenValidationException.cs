namespace Consortium.Orcid.OAuth;

/// <summary>An id_token that is not ORCID's, not for this client, expired, or for another sign-in.</summary>
public sealed class IdTokenValidationException(string message, Exception? inner = null) : Exception(message, inner);
