using System.Net;
using Consortium.Portal.Badges;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Consortium.Portal.Tests.Badges;

/// <summary>A credential chooses what the verifier fetches: by default nothing on this machine or its network is reached.</summary>
public sealed class BadgeFetcherTests : IAsyncLifetime
{
    private WebApplication _local = null!;

    private Uri Keys => new(_local.Urls.First().TrimEnd('/') + "/keys");

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _local = builder.Build();
        _local.MapGet("/keys", () => Results.Text("""{"keys": []}""", "application/json"));
        _local.MapGet("/big", () => Results.Text(new string('x', 2048)));
        await _local.StartAsync();
    }

    public async Task DisposeAsync() => await _local.DisposeAsync();

    [Fact]
    public async Task ALoopbackAddressIsFetchedOnlyWhenPrivateNetworksAreAllowed()
    {
        using var guarded = Fetcher(new BadgeVerifierOptions());
        using var allowed = Fetcher(new BadgeVerifierOptions { AllowPrivateNetworks = true });

        Assert.Null(await guarded.Fetcher.GetAsync(Keys, CancellationToken.None));
        Assert.Equal("""{"keys": []}""", await allowed.Fetcher.GetAsync(Keys, CancellationToken.None));
    }

    [Fact]
    public async Task AnAnswerLargerThanTheLimitIsRefused()
    {
        using var small = Fetcher(new BadgeVerifierOptions { AllowPrivateNetworks = true, MaxResponseBytes = 1024 });

        Assert.Null(await small.Fetcher.GetAsync(new Uri(Keys, "/big"), CancellationToken.None));
    }

    [Theory]
    [InlineData("127.0.0.1", false)]
    [InlineData("10.1.2.3", false)]
    [InlineData("172.20.0.1", false)]
    [InlineData("192.168.1.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("::1", false)]
    [InlineData("fd00::1", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    [InlineData("93.184.216.34", true)]
    [InlineData("2606:4700::1111", true)]
    public void OnlyPublicAddressesArePublic(string address, bool expected) =>
        Assert.Equal(expected, BadgeFetchHandler.IsPublic(IPAddress.Parse(address)));

    private static OwnedFetcher Fetcher(BadgeVerifierOptions options)
    {
        var http = new HttpClient(BadgeFetchHandler.Create(options));
        return new OwnedFetcher(http, new BadgeFetcher(http, Options.Create(options), NullLogger<BadgeFetcher>.Instance));
    }

    private sealed record OwnedFetcher(HttpClient Http, BadgeFetcher Fetcher) : IDisposable
    {
        public void Dispose() => Http.Dispose();
    }
}
