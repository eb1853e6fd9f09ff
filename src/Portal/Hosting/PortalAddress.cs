using Consortium.Silo.Hosting;

namespace Consortium.Portal.Hosting;

/// <summary>
/// The portal's public address: the one base of every absolute link it hands out (emails, ORCID redirect URIs, certificate
/// URLs written into ORCID records, webhook callbacks). Never taken from a request's Host header, which the caller chooses:
/// a forged Host would otherwise put an attacker's address into invitation emails.
/// </summary>
public sealed class PortalAddress
{
    public const string SettingName = "Consortium:PublicBaseUrl";

    private PortalAddress(Uri baseUrl) => Base = baseUrl;

    /// <summary>The address with a trailing slash, e.g. <c>https://portal.example.org/</c>.</summary>
    public Uri Base { get; }

    /// <summary>An absolute link to <paramref name="pathAndQuery"/> (which starts with <c>/</c>).</summary>
    public Uri For(string pathAndQuery) => new(Base, pathAndQuery);

    /// <summary>What the setting is for, when a start misses it.</summary>
    public const string Purpose = "the portal's public address (e.g. https://portal.example.org): every link in emails, ORCID records and redirects is built from it";

    /// <summary>Stands in for a missing address while the host is built; the start then refuses (see <see cref="RequiredSettings"/>).</summary>
    public static PortalAddress Unset { get; } = new(new Uri("http://localhost/"));

    /// <summary>
    /// Reads <see cref="SettingName"/>. Development may leave it out: the portal's first listening URL is used, so
    /// <c>dotnet run</c> needs no configuration. Anywhere else it is <c>null</c> when left out, and a start without it refuses.
    /// </summary>
    /// <exception cref="InvalidOperationException">The address is not scheme and host only: says why.</exception>
    public static PortalAddress? FromConfiguration(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration[SettingName];
        if (string.IsNullOrWhiteSpace(configured))
        {
            if (!environment.IsDevelopment())
            {
                return null;
            }
            configured = FirstListeningUrl(configuration["Urls"]);
        }
        if (!Uri.TryCreate(configured.Trim(), UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http")
            || url.AbsolutePath != "/" || url.Query.Length > 0 || url.Fragment.Length > 0 || url.UserInfo.Length > 0)
        {
            throw new InvalidOperationException(
                $"{SettingName} '{configured}' is not a public address: give scheme and host only, e.g. https://portal.example.org.");
        }
        return new PortalAddress(new Uri(url.GetLeftPart(UriPartial.Authority) + "/"));
    }

    private static string FirstListeningUrl(string? urls)
    {
        var first = (urls ?? "http://localhost:5080").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault()
            ?? "http://localhost:5080";
        // Kestrel's wildcards are where it listens, not an address anyone can open.
        return first.Replace("://*", "://localhost").Replace("://+", "://localhost").Replace("://0.0.0.0", "://localhost").Replace("://[::]", "://localhost");
    }
}
