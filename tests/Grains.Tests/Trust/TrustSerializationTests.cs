using System.Text.Json;
using Consortium.Grains.Trust;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using static Consortium.Grains.Tests.Trust.RecordItems;
using static Consortium.Grains.Tests.Trust.TrustRules;

namespace Consortium.Grains.Tests.Trust;

/// <summary>Rules, contexts and verdicts cross grain calls and sit in grain state: Orleans must copy them whole.</summary>
public sealed class TrustSerializationTests
{
    private readonly Serializer _serializer = new ServiceCollection()
        .AddSerializer(builder => builder.AddAssembly(typeof(TrustRule).Assembly))
        .BuildServiceProvider()
        .GetRequiredService<Serializer>();

    [Fact]
    public void ARuleSurvivesOrleansSerialization()
    {
        var rule = Rule(
            new TrustInput(OwnClient: true, TrustedClients: ["tenant:example-university", PartnerClientId], SelfAsserted: true),
            titleMatch: new TitleMatchInput("one-of", ["A", "B"]),
            organisationId: OwnRor,
            externalIdType: "other-id",
            externalIdValue: "cert-.*",
            validity: new ValidityInput(false, true, 12),
            combine: "any");

        AssertSurvives(rule);
    }

    [Fact]
    public void AContextAndAVerdictSurviveOrleansSerialization()
    {
        var context = Context(new Dictionary<string, string> { ["laser-2"] = "Laser Safety Level 2" });
        var verdict = TrustEvaluator.Evaluate(Rule(), context, [FromOwnClient(), FromOtherMember()]);

        AssertSurvives(context);
        AssertSurvives(verdict);
    }

    [Fact]
    public void ARuleTrustingBadgeIssuersSurvivesOrleansSerialization()
    {
        var rule = Rule(new TrustInput(OwnClient: true, TrustedIssuers: ["https://portal.example.org/t/acme/issuer"]));

        var copy = _serializer.Deserialize<TrustRule>(_serializer.SerializeToArray(rule));

        Assert.Equal(["https://portal.example.org/t/acme/issuer"], copy!.Trust.BadgeIssuers);
    }

    [Fact]
    public void AnInputSurvivesOrleansSerialization()
    {
        AssertSurvives(new TrustRuleInput("n", "t", new TitleMatchInput("exact", ["t"]), new TrustInput(true, ["tenant:x-y"], false, true),
            "2729", "other-id", "x", new ValidityInput(true, false, 3), "all"));
    }

    // Records holding lists compare them by reference, so compare what they say instead.
    private void AssertSurvives<T>(T value)
    {
        var copy = _serializer.Deserialize<T>(_serializer.SerializeToArray(value));

        Assert.Equal(JsonSerializer.Serialize(value), JsonSerializer.Serialize(copy));
    }
}
