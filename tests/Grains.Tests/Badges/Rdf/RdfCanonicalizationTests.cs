using System.Text.Json.Nodes;
using Consortium.Grains.Badges.Rdf;

namespace Consortium.Grains.Tests.Badges.Rdf;

/// <summary>
/// Our RDFC-1.0 and JSON-LD against the W3C rdf-canon test suite (a vendored handful, chosen for blank-node relabelling: cycles,
/// diamonds, lists, named graphs, escapes, duplicates; Vendor/rdf-canon) and against digitalbazaar's rdf-canonize and jsonld
/// from npm (tests/tools/badges/di.mjs) for the same cases and for 1EdTech's credentials.
/// </summary>
public sealed class RdfCanonicalizationTests
{
    private static string Vendor(string path) => RepositoryFiles.PathOf("tests/Grains.Tests/Badges/Vendor/" + path);

    public static TheoryData<string> RdfCanonCases =>
        ["test003", "test020", "test021", "test024", "test030", "test036", "test040", "test044", "test053", "test057", "test060", "test072", "test077"];

    [Theory]
    [MemberData(nameof(RdfCanonCases))]
    public async Task EachRdfCanonCaseGivesTheW3cExpectedOutputAndRdfCanonizes(string test)
    {
        var input = Vendor($"rdf-canon/{test}-in.nq");

        // Work factor 3: the suite's cycles and its computable poison graph need more than the default.
        var ours = Rdfc10.Canonicalize(NQuadsReader.Read(await File.ReadAllTextAsync(input)), maxWorkFactor: 3);

        Assert.Equal(await File.ReadAllTextAsync(Vendor($"rdf-canon/{test}-rdfc10.nq")), ours);
        Assert.Equal(await DataIntegrityChecks.CanonicalizeNQuadsAsync(input, maxWorkFactor: 3), ours);
    }

    [Theory]
    [InlineData("test021")]
    [InlineData("test044")]
    public async Task EntangledBlankNodesAreRefusedAtTheDefaultLimitAsRdfCanonizeRefusesThem(string test)
    {
        var input = Vendor($"rdf-canon/{test}-in.nq");

        Assert.Throws<RdfCanonicalizationException>(() => Rdfc10.Canonicalize(NQuadsReader.Read(File.ReadAllText(input))));
        var theirs = await Assert.ThrowsAsync<DataIntegrityCheckException>(() => DataIntegrityChecks.CanonicalizeNQuadsAsync(input, maxWorkFactor: 1));
        Assert.Contains("Maximum deep iterations exceeded", theirs.Message);
    }

    [Fact]
    public void RelabellingAndReorderingTheInputChangesNothing()
    {
        var input = NQuadsReader.Read(File.ReadAllText(Vendor("rdf-canon/test024-in.nq")));
        var relabelled = input.Select(q => q with
        {
            Subject = q.Subject is BlankNode s ? new BlankNode("x" + s.Label) : q.Subject,
            Object = q.Object is BlankNode o ? new BlankNode("x" + o.Label) : q.Object,
        }).Reverse();

        Assert.Equal(Rdfc10.Canonicalize(input, maxWorkFactor: 3), Rdfc10.Canonicalize(relabelled, maxWorkFactor: 3));
    }

    public static TheoryData<string> Examples =>
        ["basicOpenBadgeCredential", "achievementAlignmentCase", "achievementAlignmentCe", "ldpSignedOpenBadgeCredential"];

    /// <summary>These name 1EdTech's extensions context, which is not vendored (1EdTech's repository does not hold it).</summary>
    public static TheoryData<string> ExamplesWithExtensions => ["fullOpenBadge", "skillAssertionCase", "skillAssertionCtdl", "endorsement"];

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task EachOneEdTechExampleCanonicalisesAsJsonldDoes(string example)
    {
        var credential = JsonNode.Parse(await File.ReadAllTextAsync(Vendor($"examples/{example}.json")))!.AsObject();

        var ours = JsonLdCanonicalizer.Canonicalize(credential);

        Assert.Equal(await DataIntegrityChecks.CanonicalizeAsync(credential), ours);
        Assert.Contains("<https://purl.imsglobal.org/spec/vc/ob/vocab.html#Achievement>", ours);
    }

    [Theory]
    [MemberData(nameof(ExamplesWithExtensions))]
    public async Task AnExampleNamingTheUnvendoredExtensionsContextIsRefusedByBoth(string example)
    {
        var credential = JsonNode.Parse(await File.ReadAllTextAsync(Vendor($"examples/{example}.json")))!.AsObject();

        var refused = Assert.Throws<RdfCanonicalizationException>(() => JsonLdCanonicalizer.Canonicalize(credential));

        Assert.Contains("context https://purl.imsglobal.org/spec/ob/v3p0/extensions.json is not known", refused.Message);
        await Assert.ThrowsAsync<DataIntegrityCheckException>(() => DataIntegrityChecks.CanonicalizeAsync(credential));
    }

    [Fact]
    public async Task ValuesOfEveryKindCanonicaliseAsJsonldDoes()
    {
        var credential = JsonNode.Parse(await File.ReadAllTextAsync(Vendor("examples/basicOpenBadgeCredential.json")))!.AsObject();
        credential["@context"]!.AsArray().Add(JsonNode.Parse("""
            {"ex": "https://example.org/vocab#", "count": {"@id": "ex:count"}, "ratio": {"@id": "ex:ratio", "@type": "http://www.w3.org/2001/XMLSchema#float"},
             "big": "ex:big", "flag": "ex:flag", "label": {"@id": "ex:label", "@language": "EN-gb"}, "steps": {"@id": "ex:steps", "@container": "@list"},
             "data": {"@id": "ex:data", "@type": "@json"}, "tiny": "ex:tiny", "said": {"@id": "ex:said", "@direction": "rtl"}}
            """));
        credential["count"] = 42;
        credential["ratio"] = 2.5;
        credential["big"] = 1e21;
        credential["tiny"] = 1.5e-7;
        credential["flag"] = false;
        credential["label"] = "Line one\nand \"two\"\t\\";
        credential["steps"] = new JsonArray("b", "a", new JsonObject { ["@id"] = "https://example.org/x" }, 3);
        credential["data"] = JsonNode.Parse("""{"z": [1, 2.50, "é\u0001"], "a": {"y": null, "b": true}, "1": 1e30}""");
        credential["said"] = "مرحبا";

        Assert.Equal(await DataIntegrityChecks.CanonicalizeAsync(credential), JsonLdCanonicalizer.Canonicalize(credential));
    }

    [Fact]
    public void AnUnknownContextIsRefusedNotFetched()
    {
        var credential = JsonNode.Parse("""{"@context": ["https://www.w3.org/ns/credentials/v2", "https://example.org/context.json"], "type": "VerifiableCredential"}""")!.AsObject();

        var refused = Assert.Throws<RdfCanonicalizationException>(() => JsonLdCanonicalizer.Canonicalize(credential));

        Assert.Contains("context https://example.org/context.json is not known", refused.Message);
    }

    [Fact]
    public async Task APropertyNoContextDefinesIsRefusedAsJsonldsSafeModeDoes()
    {
        var credential = JsonNode.Parse(await File.ReadAllTextAsync(Vendor("examples/basicOpenBadgeCredential.json")))!.AsObject();
        credential["credentialSubject"]!["favouriteColour"] = "blue";

        var refused = Assert.Throws<RdfCanonicalizationException>(() => JsonLdCanonicalizer.Canonicalize(credential));

        Assert.Contains("favouriteColour is not defined", refused.Message);
        await Assert.ThrowsAsync<DataIntegrityCheckException>(() => DataIntegrityChecks.CanonicalizeAsync(credential));
    }

    [Fact]
    public async Task RedefiningAProtectedTermIsRefusedAsJsonldDoes()
    {
        var credential = JsonNode.Parse(await File.ReadAllTextAsync(Vendor("examples/basicOpenBadgeCredential.json")))!.AsObject();
        credential["@context"]!.AsArray().Add(JsonNode.Parse("""{"name": "https://example.org/not-the-name"}"""));

        var refused = Assert.Throws<RdfCanonicalizationException>(() => JsonLdCanonicalizer.Canonicalize(credential));

        Assert.Contains("protected term name", refused.Message);
        await Assert.ThrowsAsync<DataIntegrityCheckException>(() => DataIntegrityChecks.CanonicalizeAsync(credential));
    }
}
