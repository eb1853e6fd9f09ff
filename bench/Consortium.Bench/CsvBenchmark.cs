using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Consortium.OrcidSimulator.Controls;

namespace Consortium.Bench;

/// <summary>
/// A CSV of researchers to invite, through the real portal over HTTP (embedded mode: co-hosted silo, SQLite, the embedded
/// ORCID simulator): the time until the batch API answers, and until every invitation has gone through a real SMTP server.
/// </summary>
public static class CsvBenchmark
{
    public sealed record Result(int Rows, TimeSpan ToAnswer, TimeSpan ToSendAll, int Received);

    private const string TemplateId = "laser-2";

    public static async Task<Result> RunAsync(int rows)
    {
        using var smtp = await SmtpSink.StartAsync();
        await using var host = await BenchPortal.StartAsync(BenchHost.SmtpSettings(smtp));
        var portal = host.Address;
        var sandbox = host.Sandbox;
        using var api = new HttpClient { BaseAddress = portal, Timeout = TimeSpan.FromMinutes(10) };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", host.OperatorKey);
        var tenant = await SetUpTenantAsync(api, sandbox, portal);
        var csv = new StringBuilder("template,external_id,orcid,email,given_names,family_names\n");
        for (var row = 0; row < rows; row++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{TemplateId},csv-{row},,researcher-{row}@example.org,Researcher,Number {row}\n");
        }

        var clock = Stopwatch.StartNew();
        using var content = new StringContent(csv.ToString(), Encoding.UTF8, "text/csv");
        using var answer = await api.PostAsync($"/api/v1/tenants/{tenant}/batches?env=sandbox&dryRun=false", content);
        var toAnswer = clock.Elapsed;
        answer.EnsureSuccessStatusCode();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(20));
        while (smtp.Received < rows || (await api.GetFromJsonAsync<JsonElement>($"/api/v1/tenants/{tenant}/outbox?limit=1", timeout.Token)).GetArrayLength() > 0)
        {
            await Task.Delay(100, timeout.Token);
        }
        return new Result(rows, toAnswer, clock.Elapsed, smtp.Received);
    }

    /// <summary>A member organisation ready to issue in sandbox, set up through the API as an operator does.</summary>
    private static async Task<string> SetUpTenantAsync(HttpClient api, Uri sandbox, Uri portal)
    {
        var consortium = "csv-" + Guid.NewGuid().ToString("N")[..8];
        var slug = "csv-org-" + Guid.NewGuid().ToString("N")[..8];
        (await api.PostAsJsonAsync("/api/v1/consortia", new { slug = consortium, name = "Bench Consortium" })).EnsureSuccessStatusCode();
        (await api.PostAsJsonAsync($"/api/v1/consortia/{consortium}/tenants", new { slug, name = "Bench University" })).EnsureSuccessStatusCode();
        (await api.PutAsJsonAsync($"/api/v1/tenants/{slug}/organisation",
            new { name = "Bench University", rorId = "https://ror.org/02mhbdp94", city = "Wellington", country = "NZ" })).EnsureSuccessStatusCode();
        (await api.PutAsJsonAsync($"/api/v1/tenants/{slug}/templates/{TemplateId}",
            new { title = "Laser Safety Level 2", department = "Radiation Protection Office", validityMonths = 24 })).EnsureSuccessStatusCode();
        using var controls = new SimulatorControls(sandbox);
        var (clientId, clientSecret) = await controls.RegisterClientAsync("Bench University", new Uri(portal, "/t/").AbsoluteUri);
        (await api.PutAsJsonAsync($"/api/v1/tenants/{slug}/clients/sandbox", new { clientId, clientSecret })).EnsureSuccessStatusCode();
        return slug;
    }
}
