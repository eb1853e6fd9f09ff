using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Consortium.Orcid.Configuration;
using Consortium.Orcid.Serialization;
using Consortium.Orcid.Tests.Model;

namespace Consortium.Orcid.Tests.Conformance.Table;

/// <summary>What a row may use: raw HTTP to the member and public APIs (redirects are answers, not followed), the target's
/// researcher and token, a valid qualification to break, and on the simulator its controls. Items a row creates are deleted after it.</summary>
public sealed class ConformanceContext(ConformanceTarget target, OrcidEndpoints endpoints, SimulatorFixture? simulator) : IDisposable
{
    readonly HttpClient http = new(new HttpClientHandler { AllowAutoRedirect = false });
    readonly List<long> created = [];

    public ConformanceTarget Target => target;

    public string Orcid => target.Orcid.Value;

    /// <summary>The simulator, for rows with <see cref="ConformanceRow.NeedsSimulator"/>; null against the real sandbox.</summary>
    public SimulatorFixture Simulator => simulator ?? throw new InvalidOperationException("This row needs the simulator's controls.");

    /// <summary>The member API with its version, e.g. <c>https://api.sandbox.orcid.org/v3.0</c>.</summary>
    public Uri MemberApi => endpoints.MemberApiUrl!;

    /// <summary>The member API host without a version, where ORCID serves webhooks.</summary>
    public Uri MemberHost => new(endpoints.MemberApiUrl!, "/");

    public Uri PublicApi => endpoints.PublicApiUrl!;

    /// <summary>A valid qualification in ORCID's JSON with a fresh external id, for a row to change one field of.</summary>
    public static JsonObject Qualification() =>
        JsonSerializer.SerializeToNode(SampleQualifications.LaserSafety($"conformance-{Guid.NewGuid():N}"), OrcidJson.Options)!.AsObject();

    public static HttpContent Json(JsonNode body) => new StringContent(body.ToJsonString(), Encoding.UTF8, OrcidJson.MediaType);

    /// <summary>Sends to <paramref name="baseUrl"/> + <paramref name="path"/> with the target's token unless another is given
    /// (<c>""</c> for none), asking for ORCID JSON unless <paramref name="accept"/> says otherwise.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, Uri baseUrl, string path, HttpContent? body = null,
        string? token = null, string? accept = OrcidJson.MediaType)
    {
        using var request = new HttpRequestMessage(method, new Uri(baseUrl.AbsoluteUri.TrimEnd('/') + "/" + path.TrimStart('/'))) { Content = body };
        if ((token ?? target.Access.AccessToken) is { Length: > 0 } bearer)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }
        return await http.SendAsync(request);
    }

    public Task<HttpResponseMessage> MemberAsync(HttpMethod method, string path, HttpContent? body = null, string? token = null,
        string? accept = OrcidJson.MediaType) => SendAsync(method, MemberApi, path, body, token, accept);

    public Task<HttpResponseMessage> PublicAsync(string path, string? token = "", string? accept = OrcidJson.MediaType) =>
        SendAsync(HttpMethod.Get, PublicApi, path, token: token, accept: accept);

    /// <summary>Creates a qualification on the target's record and returns its put-code; it is deleted after the row.</summary>
    public async Task<long> CreateAsync(JsonObject? qualification = null)
    {
        using var response = await MemberAsync(HttpMethod.Post, $"{Orcid}/qualification", Json(qualification ?? Qualification()));
        Assert.True(response.IsSuccessStatusCode, $"Arranging a qualification failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var putCode = long.Parse(response.Headers.Location!.Segments[^1]);
        created.Add(putCode);
        return putCode;
    }

    /// <summary>Remembers a put-code that a row's own request created, so it is deleted after the row.</summary>
    public void Created(HttpResponseMessage response)
    {
        if (response.IsSuccessStatusCode && response.Headers.Location is { } location && long.TryParse(location.Segments[^1], out var putCode))
        {
            created.Add(putCode);
        }
    }

    public async Task CleanUpAsync()
    {
        foreach (var putCode in created)
        {
            using var _ = await MemberAsync(HttpMethod.Delete, $"{Orcid}/qualification/{putCode}");
        }
        created.Clear();
    }

    public void Dispose() => http.Dispose();
}
