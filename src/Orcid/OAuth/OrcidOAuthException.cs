namespace Consortium.Orcid.OAuth;

/// <summary>ORCID's OAuth server refused a request: <see cref="Error"/> is its code (invalid_client, invalid_grant, ...).</summary>
public sealed class OrcidOAuthException(int status, string error, string? description)
    : Exception($"ORCID answered {status} {error}{(description is null ? "" : $": {description}")}.")
{
    public int Status { get; } = status;

    public string Error { get; } = error;

    public string? Description { get; } = description;
}
