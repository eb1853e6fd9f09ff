using Microsoft.Extensions.Options;

namespace Consortium.Portal.Staff;

/// <summary>
/// In Production staff sign in at a provider reached over https on another machine. An ORCID simulator serves plain http
/// (as every trial of it runs, on this machine's loopback), so an http or loopback authority is refused: it is a simulator
/// or a test double that signs anyone in, and a Production portal must not trust it.
/// </summary>
internal sealed class ProductionStaffSignIn(IHostEnvironment environment) : IValidateOptions<StaffOptions>
{
    public ValidateOptionsResult Validate(string? name, StaffOptions options)
    {
        if (!environment.IsProduction())
        {
            return ValidateOptionsResult.Skip;
        }
        var failures = options.ConfiguredProviders
            .Where(provider => !IsRemoteHttps(provider.Provider.Authority!))
            .Select(provider => $"{KeyOf(provider.Name)}:Authority is {provider.Provider.Authority}: in Production staff sign in at a provider over "
                + "https on another host (ORCID's https://orcid.org, or an institution's), never at an ORCID simulator or on loopback.")
            .ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string KeyOf(string? providerName) =>
        providerName is null ? $"{StaffOptions.SectionName}:Oidc" : $"{StaffOptions.SectionName}:Providers:{providerName}";

    private static bool IsRemoteHttps(string authority) =>
        Uri.TryCreate(authority, UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttps && !url.IsLoopback;
}
