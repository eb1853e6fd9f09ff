namespace Consortium.Orcid.Model;

/// <summary>ORCID's error body: <c>{response-code, developer-message, user-message, error-code, more-info}</c>.</summary>
public sealed record OrcidError
{
    public int ResponseCode { get; init; }
    public string? DeveloperMessage { get; init; }
    public string? UserMessage { get; init; }
    public int? ErrorCode { get; init; }
    public string? MoreInfo { get; init; }
}
