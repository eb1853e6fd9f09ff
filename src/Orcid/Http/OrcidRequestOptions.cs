namespace Consortium.Orcid.Http;

/// <summary>What the handlers need to know about a request beyond HTTP itself.</summary>
internal static class OrcidRequestOptions
{
    /// <summary>The client the call counts against for the rate limit.</summary>
    public static readonly HttpRequestOptionsKey<string> ClientId = new("Orcid.ClientId");

    /// <summary>A POST that may be sent again after an ambiguous failure, because a repeat is detected
    /// (a create with a self external id answers 409/9021 with the existing put-code).</summary>
    public static readonly HttpRequestOptionsKey<bool> RetrySafe = new("Orcid.RetrySafe");

    /// <summary>A call to the public API, which ORCID limits apart from the member API.</summary>
    public static readonly HttpRequestOptionsKey<bool> PublicApi = new("Orcid.PublicApi");

    public static string RateLimitKey(this HttpRequestMessage request) =>
        (request.IsPublicApi() ? OrcidRateLimiter.PublicPrefix : "") + (request.Options.TryGetValue(ClientId, out var clientId) ? clientId : "anonymous");

    public static bool IsPublicApi(this HttpRequestMessage request) => request.Options.TryGetValue(PublicApi, out var isPublic) && isPublic;

    /// <summary>Reads go ahead of writes in the rate limiter's line.</summary>
    public static bool IsRead(this HttpRequestMessage request) => request.Method == HttpMethod.Get || request.Method == HttpMethod.Head;

    public static bool IsRetrySafe(this HttpRequestMessage request) =>
        request.Method != HttpMethod.Post || (request.Options.TryGetValue(RetrySafe, out var safe) && safe);
}
