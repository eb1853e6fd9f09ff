using System.Text.Json.Nodes;
using Consortium.Grains.Badges;
using Consortium.Tests;

namespace Consortium.Grains.Tests.Badges;

/// <summary>The schema check of incoming badges against 1EdTech's own OB 3.0 examples (vendored, see Vendor/PROVENANCE.md):
/// every valid example passes and is read as 1EdTech wrote it; each one tampered in a way OB 3.0 forbids fails, naming the field.</summary>
public sealed class OneEdTechVectorTests
{
    public static TheoryData<string> ValidExamples =>
    [
        "basicOpenBadgeCredential", "fullOpenBadge", "achievementAlignmentCase", "achievementAlignmentCe", "skillAssertionCase",
        "skillAssertionCtdl", "ldpSignedOpenBadgeCredential",
    ];

    /// <summary>Ways to break a credential, each with the field the check must name.</summary>
    private static readonly Dictionary<string, (Action<JsonObject> Tamper, string Field)> Tampering = new()
    {
        ["no-ob-context"] = (c => c["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2"), "@context"),
        ["not-an-open-badge"] = (c => c["type"] = new JsonArray("VerifiableCredential"), "type"),
        ["no-issuer"] = (c => c.Remove("issuer"), "issuer"),
        ["issuer-not-a-uri"] = (c => Issuer(c)["id"] = "Example Corp", "issuer.id"),
        ["no-valid-from"] = (c => c.Remove("validFrom"), "validFrom"),
        ["valid-from-not-a-date"] = (c => c["validFrom"] = "yesterday", "validFrom"),
        ["no-name"] = (c => c.Remove("name"), "name"),
        ["no-subject"] = (c => c.Remove("credentialSubject"), "credentialSubject"),
        ["no-achievement"] = (c => c["credentialSubject"]!.AsObject().Remove("achievement"), "credentialSubject.achievement"),
        ["no-criteria"] = (c => Achievement(c).Remove("criteria"), "credentialSubject.achievement.criteria"),
        ["no-achievement-name"] = (c => Achievement(c).Remove("name"), "credentialSubject.achievement.name"),
        ["achievement-type-wrong"] = (c => Achievement(c)["type"] = new JsonArray("Badge"), "credentialSubject.achievement.type"),
    };

    public static TheoryData<string, string> TamperedExamples
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var example in ValidExamples)
            {
                foreach (var tamper in Tampering.Keys)
                {
                    data.Add(example, tamper);
                }
            }
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(ValidExamples))]
    public void EachValidExamplePassesTheSchemaCheckAndReadsAsWritten(string example)
    {
        var credential = Load(example);

        var (facts, problem) = CredentialShape.Read(credential);

        Assert.Null(problem);
        Assert.NotNull(facts);
        Assert.Equal(credential["id"]!.GetValue<string>(), facts.Id);
        Assert.Equal(credential["name"]!.GetValue<string>(), facts.Name);
        Assert.Equal(Issuer(credential)["id"]!.GetValue<string>(), facts.IssuerId);
        Assert.Equal(Achievement(credential)["name"]!.GetValue<string>(), facts.AchievementName);
        Assert.Equal(DateTimeOffset.Parse(credential["validFrom"]!.GetValue<string>()), facts.ValidFrom);
        Assert.Equal("did:example:ebfeb1f712ebc6f1c276e12ec21", facts.SubjectId);
    }

    [Theory]
    [MemberData(nameof(TamperedExamples))]
    public void EachExampleTamperedAsOb3ForbidsFailsNamingTheField(string example, string tamper)
    {
        var credential = Load(example);
        var (change, field) = Tampering[tamper];
        change(credential);

        var (facts, problem) = CredentialShape.Read(credential);

        Assert.Null(facts);
        Assert.StartsWith(field + " ", problem);
    }

    [Fact]
    public void TheEndorsementExampleIsAValidCredentialButNotAnOpenBadge()
    {
        var (facts, problem) = CredentialShape.Read(Load("endorsement"));

        Assert.Null(facts);
        Assert.Equal("type must include VerifiableCredential and OpenBadgeCredential (or AchievementCredential).", problem);
    }

    [Fact]
    public void TheFullExamplesValidUntilIsReadAndItsOneEdTechRevocationListIsNotTakenForABitstringList()
    {
        var (facts, _) = CredentialShape.Read(Load("fullOpenBadge"));

        Assert.Equal(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero), facts!.ValidUntil);
        Assert.Null(facts.Status);
    }

    public static JsonObject Load(string example) =>
        JsonNode.Parse(File.ReadAllText(RepositoryFiles.PathOf($"tests/Grains.Tests/Badges/Vendor/examples/{example}.json")))!.AsObject();

    private static JsonObject Issuer(JsonObject credential) => credential["issuer"]!.AsObject();

    private static JsonObject Achievement(JsonObject credential) => credential["credentialSubject"]!["achievement"]!.AsObject();
}
