using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Consortium.Portal.Tests.Infrastructure;

namespace Consortium.Portal.Tests;

public sealed class SmokeTests : IClassFixture<PortalFactory>
{
    private readonly HttpClient _client;

    public SmokeTests(PortalFactory factory) => _client = factory.CreateClient();

    [Fact]
    public async Task ReadyWhenStorageAndClusterAnswer()
    {
        var response = await _client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", report.RootElement.GetProperty("status").GetString());
        var checks = report.RootElement.GetProperty("checks").EnumerateArray()
            .ToDictionary(check => check.GetProperty("name").GetString()!, check => check.GetProperty("status").GetString());
        Assert.Equal(new Dictionary<string, string?> { ["storage"] = "Healthy", ["cluster"] = "Healthy" }, checks);
    }

    [Fact]
    public async Task LiveAnswersWithoutCheckingDependencies()
    {
        var response = await _client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task HomePageRendersWithMudBlazor()
    {
        var html = await _client.GetStringAsync("/");

        Assert.Contains("mud-appbar", html);
        var stylesheet = Regex.Match(html, "href=\"(_content/MudBlazor/MudBlazor\\.min[^\"]*\\.css)\"").Groups[1].Value;
        Assert.Equal("text/css", (await _client.GetAsync("/" + stylesheet)).Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task UnknownAddressAnswersNotFoundWithAPage()
    {
        var response = await _client.GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("There is nothing at this address", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/t/no-such-org")]
    [InlineData("/t/no-such-org/prove/any-rule")]
    [InlineData("/t/no-such-org/certificates/sandbox.cert-1")]
    public async Task AResearcherPageOfNothingAnswersNotFoundWithAPage(string path)
    {
        var response = await _client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("There is nothing at this address", await response.Content.ReadAsStringAsync());
    }
}
