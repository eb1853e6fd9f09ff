using Consortium.Orcid;
using Consortium.Grains.Consortia;
using Consortium.Grains.Interfaces;
using Consortium.Grains.OrcidClients;
using Consortium.Grains.Templates;
using Consortium.Grains.Tenants;

namespace Consortium.Portal.Hosting;

/// <summary>
/// Gives a first run something to use: a demo consortium with one member organisation, ready to issue in sandbox
/// (organisation details, a template, and, with the embedded simulator, its sandbox client). Created once; the client
/// is stored again on every run because the simulator forgets it when the portal stops.
/// </summary>
public sealed class DemoDataSeeder(IGrainFactory grains, ILogger<DemoDataSeeder> logger, EmbeddedOrcid? simulators = null) : IHostedService
{
    public static readonly NewConsortium DemoConsortium = new("demo-consortium", "Demo Consortium");

    public static readonly NewTenant DemoTenant = new("demo", "Demo University", "https://ror.org/02mhbdp94");

    public static readonly OrganisationDetails DemoOrganisation = new(DemoTenant.Name, DemoTenant.RorId, "Wellington", "NZ");

    public const string DemoTemplateId = "laser-2";

    public static readonly TemplateInput DemoTemplate = new("Laser Safety Level 2", "Radiation Protection Office", ValidityMonths: 24);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var consortium = grains.GetGrain<IConsortiumGrain>(ConsortiumKey.For(DemoConsortium.Slug));
        if (await consortium.GetProfileAsync() is null)
        {
            await grains.GetGrain<IConsortiumDirectoryGrain>(IConsortiumDirectoryGrain.Key).CreateAsync(DemoConsortium);
            await consortium.CreateTenantAsync(DemoTenant);
            await grains.GetGrain<ITenantGrain>(TenantKey.For(DemoTenant.Slug)).SetOrganisationAsync(DemoOrganisation);
            await grains.GetGrain<ITenantTemplatesGrain>(TenantKey.For(DemoTenant.Slug)).SaveAsync(DemoTemplateId, DemoTemplate);
            logger.LogInformation("Seeded the demo consortium '{Consortium}' with member organisation '{Tenant}'", DemoConsortium.Slug, DemoTenant.Slug);
        }
        if (simulators is not null)
        {
            await grains.GetGrain<IOrcidClientGrain>(OrcidClientKey.For(DemoTenant.Slug, OrcidEnvironment.Sandbox))
                .StoreAsync(EmbeddedOrcid.DemoTenantClient.ClientId, EmbeddedOrcid.DemoTenantClient.ClientSecret);
            logger.LogInformation("Researcher page of the demo organisation: /t/{Tenant} (sandbox simulator client {ClientId})",
                DemoTenant.Slug, EmbeddedOrcid.DemoTenantClient.ClientId);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
