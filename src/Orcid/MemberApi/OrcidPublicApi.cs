using Consortium.Orcid.Http;
using Consortium.Orcid.Model;
using Consortium.Orcid.Serialization;

namespace Consortium.Orcid.MemberApi;

/// <summary>The public API of one environment: public items only, anonymously or with a <c>/read-public</c> token.</summary>
public sealed class OrcidPublicApi
{
    readonly OrcidHttp http;
    readonly string baseUrl;

    internal OrcidPublicApi(OrcidHttp http, Uri publicApiUrl)
    {
        this.http = http;
        baseUrl = publicApiUrl.AbsoluteUri.TrimEnd('/');
    }

    public Task<QualificationsSummary> GetQualificationsAsync(OrcidId orcid, OrcidAccess? readPublic = null, CancellationToken cancellationToken = default) =>
        http.SendForJsonAsync<QualificationsSummary>(Get($"{orcid}/qualifications", readPublic), OrcidJson.Options, cancellationToken);

    public Task<Qualification> GetQualificationAsync(OrcidId orcid, long putCode, OrcidAccess? readPublic = null, CancellationToken cancellationToken = default) =>
        http.SendForJsonAsync<Qualification>(Get($"{orcid}/qualification/{putCode}", readPublic), OrcidJson.Options, cancellationToken);

    /// <summary>Counted against the public API's own, lower, rate limit.</summary>
    HttpRequestMessage Get(string relative, OrcidAccess? readPublic)
    {
        var request = OrcidHttp.Request(HttpMethod.Get, new Uri($"{baseUrl}/{relative}"), readPublic);
        request.Options.Set(OrcidRequestOptions.PublicApi, true);
        return request;
    }
}
