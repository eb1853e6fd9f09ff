using System.Text.RegularExpressions;
using Consortium.Grains.Common;

namespace Consortium.Grains.Trust;

/// <summary>The <c>trust</c> part of a rule as the API or the editor sends it.</summary>
[GenerateSerializer, Immutable]
public sealed partial record TrustInput(
    [property: Id(0)] bool? OwnClient,
    [property: Id(1)] IReadOnlyList<string>? TrustedClients = null,
    [property: Id(2)] bool? AnyMember = null,
    [property: Id(3)] bool? SelfAsserted = null,
    [property: Id(4)] IReadOnlyList<string>? TrustedIssuers = null)
{
    public const string IssuersField = "trust.trustedIssuers";
    public const int MaxTrustedClients = 100;
    private const string Field = "trust";
    public const string ClientsField = "trust.trustedClients";

    /// <exception cref="InvalidFieldException">A malformed client entry, or a rule that would trust nobody.</exception>
    public TrustedSources Validated()
    {
        var clients = ValidTrustedClients();
        var sources = new TrustedSources(OwnClient ?? false, clients, AnyMember ?? false, SelfAsserted ?? false) { TrustedIssuers = ValidTrustedIssuers() };
        return sources.TrustsNobody
            ? throw new InvalidFieldException(Field,
                "This rule trusts nobody, so it could never allow anyone: trust this organisation's own client, named clients or members, any member, the researcher, or badge issuers.")
            : sources;
    }

    private IReadOnlyList<string> ValidTrustedClients()
    {
        var entries = TrustedClients ?? [];
        if (entries.Count > MaxTrustedClients)
        {
            throw new InvalidFieldException(ClientsField, $"A rule may name at most {MaxTrustedClients} trusted clients.");
        }
        return entries.Select(ValidEntry).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>Issuer ids as credentials carry them (<c>issuer.id</c>): absolute http(s) URLs, compared exactly.</summary>
    private IReadOnlyList<string> ValidTrustedIssuers()
    {
        var entries = TrustedIssuers ?? [];
        if (entries.Count > MaxTrustedClients)
        {
            throw new InvalidFieldException(IssuersField, $"A rule may name at most {MaxTrustedClients} trusted badge issuers.");
        }
        return entries.Select(entry => (entry ?? "").Trim())
            .Select(entry => Uri.TryCreate(entry, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && entry.Length <= 500
                ? entry
                : throw new InvalidFieldException(IssuersField,
                    $"'{entry}' is not a badge issuer: give the issuer id its credentials carry, a URL like 'https://portal.example.org/t/example-university/issuer'."))
            .Distinct(StringComparer.Ordinal).ToList();
    }

    private static string ValidEntry(string? entry)
    {
        var trimmed = (entry ?? "").Trim();
        if (trimmed.StartsWith(TrustedSources.TenantPrefix, StringComparison.OrdinalIgnoreCase))
        {
            var slug = trimmed[TrustedSources.TenantPrefix.Length..];
            return SlugPattern().IsMatch(slug)
                ? TrustedSources.TenantPrefix + slug
                : throw new InvalidFieldException(ClientsField,
                    $"'{trimmed}' does not name a member organisation: write 'tenant:' and its slug, like 'tenant:example-university'.");
        }
        // ORCID prints client ids in upper case; accept one typed in lower case.
        var clientId = trimmed.ToUpperInvariant();
        return ClientIdPattern().IsMatch(clientId)
            ? clientId
            : throw new InvalidFieldException(ClientsField,
                $"'{trimmed}' is not a trusted client: give an ORCID client id like 'APP-ABCDEFGHIJ123456', or 'tenant:' and a member organisation's slug.");
    }

    [GeneratedRegex("^APP-[A-Z0-9]{16}$")]
    private static partial Regex ClientIdPattern();

    // The tenant slug pattern of Fields.Slug.
    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,38}[a-z0-9]$")]
    private static partial Regex SlugPattern();
}
