using System.Text.Json;
using System.Text.Json.Nodes;
using Consortium.Grains.Badges;
using Consortium.Grains.Issuing;
using Consortium.Grains.Templates;
using Consortium.Grains.Tenants;
using Consortium.Orcid;
using Consortium.Tests;

namespace Consortium.Grains.Tests.Badges;

/// <summary>The credential speaks Open Badges 3.0: every term it uses is defined by 1EdTech's context (vendored, see
/// Vendor/PROVENANCE.md) or by the W3C VC 2.0 context, and the dates and ids come out as the spec writes them.</summary>
public sealed class OpenBadgeCredentialTests
{
    /// <summary>Terms of https://www.w3.org/ns/credentials/v2 the credential uses (that context is not vendored; these are
    /// defined there by the VC Data Model 2.0 and Bitstring Status List recommendations).</summary>
    private static readonly HashSet<string> VcTerms =
    [
        "@context", "id", "type", "name", "description", "issuer", "validFrom", "validUntil", "credentialSubject", "evidence", "credentialStatus",
        "VerifiableCredential", "BitstringStatusListEntry", "statusPurpose", "statusListIndex", "statusListCredential",
    ];

    private static readonly JsonObject ObContext =
        JsonNode.Parse(File.ReadAllText(RepositoryFiles.PathOf("tests/Grains.Tests/Badges/Vendor/context-3.0.3.json")))!["@context"]!.AsObject();

    private static readonly BadgeLinks Links = new("https://portal.example.org/", "acme");

    [Fact]
    public void EveryTermAndTypeOfTheCredentialIsDefinedByTheContextsItNames()
    {
        var credential = JsonSerializer.SerializeToNode(Build(hasLogo: true, validityMonths: 24), VcJwt.Json)!.AsObject();
        var undefined = new List<string>();

        Walk(credential, [], "$", undefined);

        Assert.Empty(undefined);
        Assert.True(ObContext.ContainsKey("OpenBadgeCredential"));
    }

    [Fact]
    public void DatesIdsAndTheIssuerComeFromTheIssuanceTemplateAndTenant()
    {
        var credential = Build(hasLogo: false, validityMonths: 24);
        var lasting = Build(hasLogo: false, validityMonths: null);

        Assert.Equal("https://portal.example.org/t/acme/certificates/cert123/credential", credential.Id);
        Assert.Equal("https://portal.example.org/t/acme/issuer", credential.Issuer.Id);
        Assert.Equal("https://ror.org/02mhbdp94", Assert.Single(credential.Issuer.OtherIdentifier!).Identifier);
        Assert.Null(credential.CredentialSubject.Achievement.Image);
        Assert.Equal("https://orcid.org/0000-0002-1825-0097", credential.CredentialSubject.Id);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), credential.ValidFrom);
        Assert.Equal(new DateTimeOffset(2028, 3, 1, 23, 59, 59, TimeSpan.Zero), credential.ValidUntil);
        Assert.Null(lasting.ValidUntil);
        Assert.Contains("without expiry", lasting.CredentialSubject.Achievement.Criteria.Narrative);
        Assert.Equal("https://portal.example.org/t/acme/status/1#5", credential.CredentialStatus.Id);
        Assert.Equal("5", credential.CredentialStatus.StatusListIndex);
        var payload = JsonNode.Parse(VcJwt.Payload(credential))!;
        Assert.Equal("2026-03-01T00:00:00Z", payload["validFrom"]!.GetValue<string>());
        Assert.Equal(credential.ValidFrom.ToUnixTimeSeconds(), payload["nbf"]!.GetValue<long>());
        Assert.Equal(credential.ValidUntil!.Value.ToUnixTimeSeconds(), payload["exp"]!.GetValue<long>());
        Assert.Null(JsonNode.Parse(VcJwt.Payload(lasting))!["exp"]);
    }

    internal static OpenBadgeCredential Build(bool hasLogo, int? validityMonths)
    {
        var tenant = new TenantProfile("acme", "Acme University", "https://ror.org/02mhbdp94", DateTimeOffset.UnixEpoch, "nz");
        var template = new QualificationTemplate("laser-2", "Laser Safety Level 2", "Radiation Office", validityMonths, null, null, true,
            "other-id", "{tenant}-{externalId}", DateTimeOffset.UnixEpoch);
        var start = new DateOnly(2026, 3, 1);
        var issuance = new IssuanceView("production.x1", "x1", "laser-2", "0000-0002-1825-0097", null, IssuanceStatus.InOrcid, 7, null,
            DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, template.Title, start, template.EndDateFor(start), "Ada", 0, "cert123")
        { Environment = OrcidEnvironment.Production };
        return OpenBadgeCredentialBuilder.Build(Links, tenant, hasLogo, template, issuance, new StatusIndex(1, 5));
    }

    /// <summary>A small JSON-LD term check: a node's properties are defined by the VC terms, the OB context's top level, the
    /// scoped context of the node's types, or the scoped context of the property that holds it.</summary>
    private static void Walk(JsonNode? node, IReadOnlyCollection<string> inherited, string path, List<string> undefined)
    {
        switch (node)
        {
            case JsonArray array:
                foreach (var item in array)
                {
                    Walk(item, inherited, path + "[]", undefined);
                }
                break;
            case JsonObject obj:
                var types = obj["type"] switch
                {
                    JsonArray many => many.Select(t => t!.GetValue<string>()).ToList(),
                    JsonValue one => [one.GetValue<string>()],
                    _ => [],
                };
                undefined.AddRange(types.Where(t => !VcTerms.Contains(t) && !ObContext.ContainsKey(t)).Select(t => $"{path}: type {t}"));
                var scoped = types.SelectMany(Scoped).Concat(inherited).ToHashSet();
                foreach (var (property, value) in obj)
                {
                    if (!VcTerms.Contains(property) && !ObContext.ContainsKey(property) && !scoped.Contains(property))
                    {
                        undefined.Add($"{path}.{property}");
                    }
                    Walk(value, Scoped(property, types), $"{path}.{property}", undefined);
                }
                break;
        }
    }

    private static IReadOnlyCollection<string> Scoped(string term) =>
        ContextOf(ObContext[term]) is { } context ? [.. context.Select(p => p.Key)] : [];

    /// <summary>A term's scoped context; a term defined by a bare IRI string has none.</summary>
    private static JsonObject? ContextOf(JsonNode? definition) => (definition as JsonObject)?["@context"] as JsonObject;

    /// <summary>A property's own scoped context, as the node's type defines the property.</summary>
    private static IReadOnlyCollection<string> Scoped(string property, IEnumerable<string> types) =>
        types.Select(t => ContextOf(ContextOf(ObContext[t])?[property])).OfType<JsonObject>().SelectMany(c => c.Select(p => p.Key)).ToList();
}
