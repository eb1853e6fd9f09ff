using Consortium.Orcid;
using Consortium.Orcid.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Consortium.Silo.Hosting;

/// <summary>
/// In Production every ORCID endpoint is ORCID's own: https on orcid.org or one of its subdomains (sandbox.orcid.org,
/// api.orcid.org, pub.sandbox.orcid.org, …). ORCID serves its APIs from those hosts only, so anything else (an ORCID
/// simulator, on whatever address it was started) is refused by its address alone, without asking it anything at start.
/// </summary>
internal sealed class ProductionTalksToOrcid(IHostEnvironment environment) : IValidateOptions<OrcidOptions>
{
    public ValidateOptionsResult Validate(string? name, OrcidOptions options)
    {
        if (!environment.IsProduction())
        {
            return ValidateOptionsResult.Skip;
        }
        var failures = Enum.GetValues<OrcidEnvironment>()
            .SelectMany(orcid => new[]
            {
                ($"{orcid}:OAuthUrl", options.For(orcid).OAuthUrl),
                ($"{orcid}:MemberApiUrl", options.For(orcid).MemberApiUrl),
                ($"{orcid}:PublicApiUrl", options.For(orcid).PublicApiUrl),
            })
            .Where(endpoint => endpoint.Item2 is not null && !IsOrcid(endpoint.Item2))
            .Select(endpoint => $"{OrcidOptions.SectionName}:{endpoint.Item1} is {endpoint.Item2}, which is not ORCID: in Production the portal and "
                + "its silos talk to ORCID itself (https on orcid.org and its subdomains), never to a simulator.")
            .ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public static bool IsOrcid(Uri url) => url.Scheme == Uri.UriSchemeHttps
        && (url.Host.Equals("orcid.org", StringComparison.OrdinalIgnoreCase) || url.Host.EndsWith(".orcid.org", StringComparison.OrdinalIgnoreCase));
}
