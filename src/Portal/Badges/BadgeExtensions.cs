using Microsoft.Extensions.Options;

namespace Consortium.Portal.Badges;

public static class BadgeExtensions
{
    /// <summary>Open Badges: issuing (<see cref="BadgeService"/>) and verifying badges from anyone (<see cref="BadgeVerifier"/>).</summary>
    public static void AddBadges(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<BadgeService>();
        builder.Services.AddOptions<BadgeVerifierOptions>().BindConfiguration(BadgeVerifierOptions.SectionName);
        builder.Services.AddTransient<PublishedKeys>();
        builder.Services.AddTransient<DataIntegrityKeys>();
        builder.Services.AddTransient<StatusListCheck>();
        builder.Services.AddTransient<BadgeVerifier>();
        builder.Services.AddHttpClient<BadgeFetcher>(client => client.DefaultRequestHeaders.Accept.ParseAdd("application/jwk-set+json, application/vc+jwt, application/json;q=0.9, */*;q=0.1"))
            .ConfigurePrimaryHttpMessageHandler(services => BadgeFetchHandler.Create(services.GetRequiredService<IOptions<BadgeVerifierOptions>>().Value));
    }
}
