using System.Net.Http.Json;
using System.Text.Json;
using System.Web;
using Consortium.OrcidSimulator.State;

namespace Consortium.OrcidSimulator.Controls;

/// <summary>
/// The <c>/_sim/</c> test controls from C#, for tests and benchmarks: register clients and researchers, decide the next
/// consent, put items on records, and make the OAuth authorize round trip a browser would make.
/// </summary>
public sealed class SimulatorControls : IDisposable
{
    private static readonly JsonSerializerOptions WithoutNulls = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    private readonly HttpClient _http;

    public SimulatorControls(Uri simulator) =>
        // Redirects are answers here: the authorize page's redirect carries the code.
        _http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = simulator };

    public async Task<NewClientResponse> RegisterClientAsync(string name, params string[] redirectUris) =>
        await ReadAsync<NewClientResponse>(await _http.PostAsJsonAsync("/_sim/clients", new NewClientRequest(name, redirectUris)));

    /// <summary>The client's member API requests as the simulator's rate limit counted them: let through, and refused with 503.</summary>
    public async Task<ClientTraffic> TrafficAsync(string clientId) =>
        (await _http.GetFromJsonAsync<ClientTraffic>($"/_sim/clients/{Uri.EscapeDataString(clientId)}/traffic"))!;

    /// <summary>The client's public API requests as the simulator's public limit (12 a second, bursts of 40) counted them.</summary>
    public async Task<ClientTraffic> PublicTrafficAsync(string clientId) =>
        (await _http.GetFromJsonAsync<ClientTraffic>($"/_sim/clients/{Uri.EscapeDataString(clientId)}/public-traffic"))!;

    /// <summary>How many times the record's qualifications were read, through the member and the public API.</summary>
    public async Task<long> RecordReadsAsync(string orcid) =>
        (await _http.GetFromJsonAsync<RecordReadCount>($"/_sim/records/{orcid}/reads"))!.Reads;

    /// <summary>Every member and public API request meets the fault (<c>latency</c>, <c>error500</c>, …) for a while.</summary>
    public async Task StartFaultAsync(string kind, int latencyMilliseconds = 2000, double durationSeconds = 60) =>
        (await _http.PostAsJsonAsync("/_sim/faults", new FaultRequest(kind, 1, durationSeconds, latencyMilliseconds))).EnsureSuccessStatusCode();

    public async Task StopFaultsAsync() => (await _http.DeleteAsync("/_sim/faults")).EnsureSuccessStatusCode();

    /// <param name="defaultVisibility">public (when null), limited or private: the visibility new items on the record take.</param>
    public async Task<NewResearcherResponse> CreateResearcherAsync(string givenNames, string familyNames, string email, string? defaultVisibility = null,
        string? password = null) =>
        await ReadAsync<NewResearcherResponse>(await _http.PostAsJsonAsync("/_sim/researchers",
            new NewResearcherRequest(givenNames, familyNames, email, defaultVisibility, password)));

    /// <summary>The researcher sets an item's visibility (public, limited or private) on their record.</summary>
    public async Task SetVisibilityAsync(string orcid, long putCode, string visibility) =>
        (await _http.PostAsJsonAsync($"/_sim/records/{orcid}/qualifications/{putCode}/visibility", new VisibilityRequest(visibility))).EnsureSuccessStatusCode();

    /// <summary>The next authorize request signs in as <paramref name="orcid"/> and answers at once.</summary>
    public async Task DecideNextConsentAsync(string orcid, bool authorize) =>
        (await _http.PostAsJsonAsync("/_sim/next-consent", new NextConsentRequest(orcid, authorize ? "authorize" : "deny"))).EnsureSuccessStatusCode();

    /// <summary>Puts a qualification on a record as ORCID stores it: written by <paramref name="sourceClientId"/>, or
    /// self-asserted by the researcher when it is null. Dates are <c>yyyy</c>, <c>yyyy-MM</c> or <c>yyyy-MM-dd</c>.</summary>
    /// <returns>Its put-code.</returns>
    public async Task<long> PutQualificationAsync(string orcid, string? sourceClientId, string title, string start = "2024", string? end = null,
        string? externalIdValue = null)
    {
        var qualification = new Dictionary<string, object?>
        {
            ["role-title"] = title,
            ["start-date"] = PartialDate(start),
            ["end-date"] = end is null ? null : PartialDate(end),
            ["organization"] = new Dictionary<string, object>
            {
                ["name"] = "Somewhere University",
                ["address"] = new { city = "Wellington", country = "NZ" },
                ["disambiguated-organization"] = new Dictionary<string, string>
                {
                    ["disambiguated-organization-identifier"] = "https://ror.org/02mhbdp94", ["disambiguation-source"] = "ROR",
                },
            },
            ["external-ids"] = externalIdValue is null ? null : new Dictionary<string, object>
            {
                ["external-id"] = new[]
                {
                    new Dictionary<string, string>
                    {
                        ["external-id-type"] = "other-id", ["external-id-value"] = externalIdValue, ["external-id-relationship"] = "self",
                    },
                },
            },
        };
        var request = new PutQualificationRequest(sourceClientId, SelfAsserted: sourceClientId is null, JsonSerializer.SerializeToElement(qualification, WithoutNulls));
        return (await ReadAsync<PutQualificationResponse>(await _http.PostAsJsonAsync($"/_sim/records/{orcid}/qualifications", request))).PutCode;
    }

    /// <summary>Puts a record in a state ORCID can put it in: <c>active</c>, <c>locked</c>, <c>deactivated</c>, or <c>deprecated</c>
    /// into <paramref name="primaryOrcid"/>.</summary>
    public async Task SetRecordStateAsync(string orcid, string state, string? primaryOrcid = null) =>
        (await _http.PostAsJsonAsync($"/_sim/records/{orcid}/state", new RecordStateRequest(state, primaryOrcid))).EnsureSuccessStatusCode();

    /// <summary>The qualifications on a record, as ORCID stores them (ORCID JSON).</summary>
    public async Task<IReadOnlyList<JsonElement>> QualificationsAsync(string orcid) =>
        [.. (await _http.GetFromJsonAsync<JsonElement>($"/_sim/records/{orcid}")).GetProperty("qualifications").EnumerateArray()];

    /// <summary>The webhooks registered for a record, with when each was last called.</summary>
    public async Task<IReadOnlyList<WebhookView>> WebhooksAsync(string orcid) =>
        (await _http.GetFromJsonAsync<List<WebhookView>>($"/_sim/records/{orcid}/webhooks"))!;

    /// <summary>Makes ORCID know a disambiguated organisation (<paramref name="source"/> RINGGOLD, GRID, FUNDREF, LEI or ROR;
    /// a ROR id as <c>https://ror.org/…</c>), so qualifications naming it are no longer refused with 400/9045.</summary>
    public async Task AddOrganisationAsync(string source, string identifier, string name) =>
        (await _http.PostAsJsonAsync("/_sim/organisations", new NewOrganisationRequest(source, identifier, name))).EnsureSuccessStatusCode();

    /// <summary>A browser's trip to the authorize page after <see cref="DecideNextConsentAsync"/>.</summary>
    /// <returns>The code ORCID redirected back with, or null when the consent was denied.</returns>
    public async Task<string?> AuthorizeAsync(string clientId, Uri redirectUri, string state, string scope, string? nonce = null)
    {
        using var response = await _http.GetAsync(
            $"/oauth/authorize?client_id={clientId}&response_type=code&scope={Uri.EscapeDataString(scope)}&redirect_uri={Uri.EscapeDataString(redirectUri.AbsoluteUri)}&state={state}"
            + (nonce is null ? "" : $"&nonce={nonce}"));
        var location = response.Headers.Location ?? throw new InvalidOperationException($"The authorize page answered {(int)response.StatusCode} without a redirect.");
        var query = HttpUtility.ParseQueryString(location.Query);
        return query["state"] == state ? query["code"] : throw new InvalidOperationException("The authorize redirect carries another state.");
    }

    public void Dispose() => _http.Dispose();

    private static Dictionary<string, object> PartialDate(string iso)
    {
        var parts = iso.Split('-');
        var date = new Dictionary<string, object> { ["year"] = new { value = parts[0] } };
        if (parts.Length > 1)
        {
            date["month"] = new { value = parts[1] };
        }
        if (parts.Length > 2)
        {
            date["day"] = new { value = parts[2] };
        }
        return date;
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response)
    {
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }
}
