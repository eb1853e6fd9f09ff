using System.Net;
using System.Text.RegularExpressions;
using Consortium.Orcid.Errors;
using Consortium.Orcid.Http;
using Consortium.Orcid.Model;
using Consortium.Orcid.Serialization;

namespace Consortium.Orcid.MemberApi;

/// <summary>The member API of one environment: qualifications and webhooks.</summary>
public sealed partial class OrcidMemberApi
{
    readonly OrcidHttp http;
    readonly string baseUrl;
    readonly string webhookBaseUrl;

    internal OrcidMemberApi(OrcidHttp http, Uri memberApiUrl)
    {
        this.http = http;
        baseUrl = memberApiUrl.AbsoluteUri.TrimEnd('/');
        webhookBaseUrl = WebhookBase(memberApiUrl);
    }

    public Task<QualificationsSummary> GetQualificationsAsync(OrcidAccess access, OrcidId orcid, CancellationToken cancellationToken = default) =>
        http.SendForJsonAsync<QualificationsSummary>(
            OrcidHttp.Request(HttpMethod.Get, Url(orcid, "qualifications"), access), OrcidJson.Options, cancellationToken);

    public Task<Qualification> GetQualificationAsync(OrcidAccess access, OrcidId orcid, long putCode, CancellationToken cancellationToken = default) =>
        http.SendForJsonAsync<Qualification>(
            OrcidHttp.Request(HttpMethod.Get, Url(orcid, $"qualification/{putCode}"), access), OrcidJson.Options, cancellationToken);

    /// <summary>Creates the item. With a self external id the create is safe to retry: if an earlier attempt
    /// landed, ORCID's 409/9021 names the existing put-code and that is returned instead of a second item.</summary>
    public async Task<QualificationCreated> CreateQualificationAsync(OrcidAccess access, OrcidId orcid, Qualification qualification, CancellationToken cancellationToken = default)
    {
        using var request = OrcidHttp.Request(HttpMethod.Post, Url(orcid, "qualification"), access, qualification with { PutCode = null });
        request.Options.Set(OrcidRequestOptions.RetrySafe, qualification.SelfExternalIds.Any());
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            return new QualificationCreated(PutCodeFrom(response), AlreadyExisted: false);
        }
        catch (OrcidApiException duplicate) when (duplicate.ExistingPutCode is { } existing)
        {
            return new QualificationCreated(existing, AlreadyExisted: true);
        }
    }

    /// <summary>Replaces the item named by <see cref="Qualification.PutCode"/> and returns it as ORCID stored it.</summary>
    public Task<Qualification> UpdateQualificationAsync(OrcidAccess access, OrcidId orcid, Qualification qualification, CancellationToken cancellationToken = default)
    {
        var putCode = qualification.PutCode ?? throw new ArgumentException("An update needs the put-code of the item it replaces.", nameof(qualification));
        return http.SendForJsonAsync<Qualification>(
            OrcidHttp.Request(HttpMethod.Put, Url(orcid, $"qualification/{putCode}"), access, qualification), OrcidJson.Options, cancellationToken);
    }

    public async Task DeleteQualificationAsync(OrcidAccess access, OrcidId orcid, long putCode, CancellationToken cancellationToken = default)
    {
        using var response = await http.SendAsync(OrcidHttp.Request(HttpMethod.Delete, Url(orcid, $"qualification/{putCode}"), access), cancellationToken);
    }

    /// <summary>Asks ORCID to POST to <paramref name="callback"/> when the record changes. Needs a <c>/webhook</c> client token.
    /// Safe to repeat: ORCID answers 201 for a new hook and 204 for one it already has
    /// (orcid-api-web/src/main/java/org/orcid/api/member/common/delegator/impl/WebhooksServiceDelegatorImpl.java).</summary>
    /// <returns>True when ORCID created the hook, false when it was already registered.</returns>
    public async Task<bool> RegisterWebhookAsync(OrcidAccess clientToken, OrcidId orcid, Uri callback, CancellationToken cancellationToken = default)
    {
        using var response = await http.SendAsync(OrcidHttp.Request(HttpMethod.Put, WebhookUrl(orcid, callback), clientToken), cancellationToken);
        return response.StatusCode == HttpStatusCode.Created;
    }

    public async Task UnregisterWebhookAsync(OrcidAccess clientToken, OrcidId orcid, Uri callback, CancellationToken cancellationToken = default)
    {
        using var response = await http.SendAsync(OrcidHttp.Request(HttpMethod.Delete, WebhookUrl(orcid, callback), clientToken), cancellationToken);
    }

    Uri Url(OrcidId orcid, string relative) => new($"{baseUrl}/{orcid}/{relative}");

    Uri WebhookUrl(OrcidId orcid, Uri callback) => new($"{webhookBaseUrl}/{orcid}/webhook/{Uri.EscapeDataString(callback.AbsoluteUri)}");

    /// <summary>Webhooks live on the member API host without the version (<c>https://api.sandbox.orcid.org/{orcid}/webhook/...</c>,
    /// orcid-api-web/tutorial/webhooks.md; <c>OrcidApiConstants.WEBHOOKS_PATH</c>): ORCID answers 404 under <c>/v3.0</c>.
    /// Only a trailing version segment is dropped, so a member API behind a path prefix keeps its prefix.</summary>
    static string WebhookBase(Uri memberApiUrl)
    {
        var url = memberApiUrl.AbsoluteUri.TrimEnd('/');
        var version = memberApiUrl.Segments[^1].TrimEnd('/');
        return VersionSegment().IsMatch(version) ? url[..^(version.Length + 1)] : url;
    }

    [GeneratedRegex(@"^v\d+(\.\d+)*$")]
    private static partial Regex VersionSegment();

    static long PutCodeFrom(HttpResponseMessage response) =>
        response.Headers.Location is { } location && long.TryParse(location.OriginalString.TrimEnd('/').Split('/')[^1], out var putCode)
            ? putCode
            : throw new OrcidApiException(response.StatusCode, null, $"ORCID created the item but its Location '{response.Headers.Location}' names no put-code.");
}
