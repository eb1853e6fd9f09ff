using Consortium.Orcid.OAuth;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Consortium.Orcid.Tests.OAuth;

public sealed class AuthorizeUrlTests
{
    [Fact]
    public void AuthorizeUrlCarriesEveryParameterEscaped()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddLogging();
        services.AddOrcidClient();
        using var provider = services.BuildServiceProvider();
        var oauth = provider.GetRequiredService<OrcidClients>().OAuth(OrcidEnvironment.Sandbox);

        var url = oauth.BuildAuthorizeUrl(new AuthorizeRequest
        {
            ClientId = "APP-ABCDEFGHIJ123456",
            Scopes = [OrcidScopes.OpenId, OrcidScopes.ActivitiesUpdate],
            RedirectUri = new Uri("https://portal.example.org/t/acme/orcid/callback"),
            State = "s 1",
            GivenNames = "Josiah",
            FamilyNames = "Carberry",
            Email = "j@example.org",
            Orcid = OrcidId.Parse("0000-0002-1825-0097"),
            Lang = "en",
            Nonce = "n1",
            Prompt = "login",
        });

        Assert.Equal(
            "https://sandbox.orcid.org/oauth/authorize?client_id=APP-ABCDEFGHIJ123456&response_type=code&scope=openid%20%2Factivities%2Fupdate" +
            "&redirect_uri=https%3A%2F%2Fportal.example.org%2Ft%2Facme%2Forcid%2Fcallback&state=s%201&family_names=Carberry&given_names=Josiah" +
            "&email=j%40example.org&orcid=0000-0002-1825-0097&lang=en&nonce=n1&prompt=login",
            url.AbsoluteUri);
    }
}
