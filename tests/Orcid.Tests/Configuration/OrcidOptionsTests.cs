using Consortium.Orcid.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Consortium.Orcid.Tests.Configuration;

public sealed class OrcidOptionsTests
{
    [Fact]
    public void DefaultsAreTheRealOrcidHosts()
    {
        var options = Resolve([]);

        Assert.Equal(new Uri("https://sandbox.orcid.org"), options.Sandbox.OAuthUrl);
        Assert.Equal(new Uri("https://api.sandbox.orcid.org/v3.0"), options.Sandbox.MemberApiUrl);
        Assert.Equal(new Uri("https://pub.sandbox.orcid.org/v3.0"), options.Sandbox.PublicApiUrl);
        Assert.Equal(new Uri("https://orcid.org"), options.Production.OAuthUrl);
        Assert.Equal(new Uri("https://api.orcid.org/v3.0"), options.Production.MemberApiUrl);
        Assert.Equal(new Uri("https://pub.orcid.org/v3.0"), options.Production.PublicApiUrl);
    }

    [Fact]
    public void ConfigurationOverridesOneEnvironment()
    {
        var options = Resolve(new() { ["Orcid:Sandbox:MemberApiUrl"] = "http://localhost:5081/v3.0" });

        Assert.Equal(new Uri("http://localhost:5081/v3.0"), options.Sandbox.MemberApiUrl);
        Assert.Equal(new Uri("https://sandbox.orcid.org"), options.Sandbox.OAuthUrl);
        Assert.Equal(new Uri("https://api.orcid.org/v3.0"), options.Production.MemberApiUrl);
    }

    [Fact]
    public void InvalidUrlIsRefusedNamingTheKey()
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Resolve(new() { ["Orcid:Production:OAuthUrl"] = "orcid.org" }));

        Assert.Equal(["Orcid:Production:OAuthUrl must be an absolute http(s) URL."], failure.Failures);
    }

    static OrcidOptions Resolve(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddOrcidClient();
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<OrcidOptions>>().Value;
    }
}
