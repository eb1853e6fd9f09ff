using Consortium.Orcid;
using Consortium.Grains.Interfaces;
using Consortium.Grains.OrcidClients;
using Consortium.Grains.Researchers;
using Consortium.OrcidSimulator;
using Consortium.OrcidSimulator.Controls;

namespace Consortium.Silo.Tests.Infrastructure;

/// <summary>A member organisation's ORCID client secret and a researcher's access token, stored through the grains as the
/// portal stores them (encrypted with Data Protection), and read back (decrypted) the same way.</summary>
public static class StoredSecrets
{
    public const string Tenant = "cluster-org";
    private static readonly Uri RedirectUri = new("http://localhost/cb");

    /// <returns>The client id, its secret and the researcher's token, as given to the grains.</returns>
    public static async Task<(string ClientId, string Secret, string Token)> StoreAsync(IGrainFactory grains, SimulatorControls orcid)
    {
        var (clientId, secret) = await orcid.RegisterClientAsync("Cluster University", RedirectUri.AbsoluteUri);
        await Client(grains).StoreAsync(clientId, secret);
        var state = ConsentRequestGrain.NewState();
        var request = grains.GetGrain<IConsentRequestGrain>(ConsentRequestGrain.KeyFor(state));
        await request.BeginAsync(new ConsentRequest(Tenant, OrcidEnvironment.Sandbox, "browser", "nonce", null));
        await orcid.DecideNextConsentAsync(OrcidSimulatorApp.DemoResearcher.Orcid, authorize: true);
        var code = (await orcid.AuthorizeAsync(clientId, RedirectUri, state, "/activities/update"))!;
        await request.AuthorizeAsync(Tenant, "browser", code, RedirectUri);
        return (clientId, secret, (await ReadTokenAsync(grains))!);
    }

    /// <summary>Decrypts the researcher's stored token.</summary>
    public static async Task<string?> ReadTokenAsync(IGrainFactory grains) => (await Researcher(grains).GetAccessAsync())?.AccessToken;

    /// <summary>Decrypts the stored client secret to ask ORCID for a client token with it.</summary>
    public static async Task<string?> UseClientSecretAsync(IGrainFactory grains) => (await Client(grains).GetClientTokenAsync("/read-public"))?.AccessToken;

    private static IOrcidClientGrain Client(IGrainFactory grains) => grains.GetGrain<IOrcidClientGrain>(OrcidClientKey.For(Tenant, OrcidEnvironment.Sandbox));

    private static IResearcherGrain Researcher(IGrainFactory grains) =>
        grains.GetGrain<IResearcherGrain>(ResearcherKey.For(Tenant, OrcidEnvironment.Sandbox, OrcidSimulatorApp.DemoResearcher.Orcid));
}
