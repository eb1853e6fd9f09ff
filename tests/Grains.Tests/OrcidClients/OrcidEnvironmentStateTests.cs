using System.Text.Json;
using Consortium.Grains.Batches;
using Consortium.Grains.Common;
using Consortium.Grains.Issuing;
using Consortium.Grains.OrcidClients;
using Consortium.Grains.Researchers;
using Consortium.Orcid;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Consortium.Grains.Tests.OrcidClients;

/// <summary>
/// The environment is typed inside, but stored state, grain keys and JSON keep the names they always had:
/// state written while the environment was a string still reads, and what is written now reads in the old shape.
/// The Legacy* records below are the stored records as they were, with the same [Id]s.
/// </summary>
public sealed class OrcidEnvironmentStateTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly Serializer _serializer = new ServiceCollection()
        .AddSerializer(builder => builder.AddAssembly(typeof(IssuanceView).Assembly).AddAssembly(typeof(OrcidEnvironmentStateTests).Assembly))
        .BuildServiceProvider().GetRequiredService<Serializer>();

    [Fact]
    public void AnIssuanceStoredWithItsEnvironmentAsAStringReadsTypedAndIsWrittenBackUnderTheSameName()
    {
        var legacy = new LegacyIssuanceView("production.x-1", "production", "x-1", "laser", "0000-0002-1825-0097", null, IssuanceStatus.InOrcid,
            11, null, At, At, "Laser Safety", null, null, "Ada", 1, "cert-1");

        var read = Reread<LegacyIssuanceView, IssuanceView>(legacy);

        Assert.Equal((OrcidEnvironment.Production, "x-1", 11L, "cert-1"), (read.Environment, read.ExternalId, read.PutCode, read.CertificateId));
        Assert.Equal(legacy, Reread<IssuanceView, LegacyIssuanceView>(read));
    }

    [Fact]
    public void TheOtherStoredRecordsKeepTheirEnvironmentName()
    {
        var researcher = Reread<LegacyResearcherView, ResearcherView>(
            new LegacyResearcherView("0000-0002-1825-0097", "Ada", "production", ConsentStatus.Connected, ["openid"], At, At.AddYears(20), null));
        var client = Reread<LegacyOrcidClientView, OrcidClientView>(new LegacyOrcidClientView("production", "APP-1", "…abcd", At));
        var invitation = Reread<LegacyConsentInvitation, ConsentInvitation>(
            new LegacyConsentInvitation("inv", "uni", "production", "production.x-1", "ada@example.org", "Ada", "Lovelace", At, "laser"));
        var batch = Reread<LegacyBatchRecord, BatchRecord>(new LegacyBatchRecord("b-1", "production", "upload.csv", At, "admin", []));

        Assert.All(new[] { researcher.Environment, client.Environment, invitation.Environment, batch.Environment },
            environment => Assert.Equal(OrcidEnvironment.Production, environment));
        Assert.Equal("sandbox", Reread<BatchRecord, LegacyBatchRecord>(batch with { Environment = OrcidEnvironment.Sandbox }).Environment);
    }

    [Fact]
    public void AStoredNameThatIsNoEnvironmentIsRefusedRatherThanGuessed()
    {
        var read = Reread<LegacyBatchRecord, BatchRecord>(new LegacyBatchRecord("b-1", "Production", "upload.csv", At, "admin", []));

        Assert.Throws<ArgumentException>(() => read.Environment);
    }

    [Fact]
    public void GrainKeysAndIssuanceIdsNameTheEnvironmentAsBefore()
    {
        Assert.Equal("q:uni:production", IssuingKey.For("uni", OrcidEnvironment.Production));
        Assert.Equal("t:uni:sandbox", OrcidClientKey.For("uni", OrcidEnvironment.Sandbox));
        Assert.Equal(("uni", OrcidEnvironment.Production, "0000-0002-1825-0097"), ResearcherKey.Parse(ResearcherKey.For("uni", OrcidEnvironment.Production, "0000-0002-1825-0097")));
        Assert.Equal("sandbox.x-1", IssuingKey.IssuanceId(OrcidEnvironment.Sandbox, "x-1"));
        Assert.Equal((OrcidEnvironment.Production, "x.2"), IssuingKey.ParseIssuanceId("production.x.2"));
        Assert.Null(IssuingKey.ParseIssuanceId("Production.x-1"));
    }

    [Fact]
    public void JsonWritesAndReadsTheSameLowercaseNames()
    {
        foreach (var environment in Enum.GetValues<OrcidEnvironment>())
        {
            Assert.Equal($"\"{environment.Name()}\"", JsonSerializer.Serialize(environment));
            Assert.Equal(environment, JsonSerializer.Deserialize<OrcidEnvironment>($"\"{environment.Name()}\""));
        }
        var view = new OrcidClientView("APP-1", "…abcd", At) { Environment = OrcidEnvironment.Production };
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(view, JsonSerializerOptions.Web));
        Assert.Equal("production", json.RootElement.GetProperty("environment").GetString());
        Assert.False(json.RootElement.TryGetProperty("environmentName", out _));
    }

    [Theory]
    [InlineData("sandbox", OrcidEnvironment.Sandbox)]
    [InlineData(" Production ", OrcidEnvironment.Production)]
    public void InputIsParsedOnceWhateverItsCase(string input, OrcidEnvironment expected) =>
        Assert.Equal(expected, OrcidEnvironmentName.Parse("env", input));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("live")]
    [InlineData("1")]
    public void InputThatIsNoEnvironmentIsAFieldError(string? input) =>
        Assert.Equal("env", Assert.Throws<InvalidFieldException>(() => OrcidEnvironmentName.Parse("env", input)).Field);

    private TNew Reread<TOld, TNew>(TOld stored) => _serializer.Deserialize<TNew>(_serializer.SerializeToArray(stored))!;

    [GenerateSerializer]
    public sealed record LegacyIssuanceView(
        [property: Id(0)] string Id, [property: Id(1)] string Environment, [property: Id(2)] string ExternalId, [property: Id(3)] string TemplateId,
        [property: Id(4)] string? Orcid, [property: Id(5)] string? Email, [property: Id(6)] IssuanceStatus Status, [property: Id(7)] long? PutCode,
        [property: Id(8)] string? Error, [property: Id(9)] DateTimeOffset CreatedAt, [property: Id(10)] DateTimeOffset UpdatedAt,
        [property: Id(11)] string? Title, [property: Id(12)] DateOnly? StartDate, [property: Id(13)] DateOnly? EndDate,
        [property: Id(14)] string? ResearcherName, [property: Id(15)] int Attempts, [property: Id(16)] string? CertificateId = null);

    [GenerateSerializer]
    public sealed record LegacyResearcherView(
        [property: Id(0)] string Orcid, [property: Id(1)] string? Name, [property: Id(2)] string Environment, [property: Id(3)] ConsentStatus Status,
        [property: Id(4)] IReadOnlyList<string> Scopes, [property: Id(5)] DateTimeOffset ConnectedAt, [property: Id(6)] DateTimeOffset ExpiresAt,
        [property: Id(7)] DateTimeOffset? EndedAt);

    [GenerateSerializer]
    public sealed record LegacyOrcidClientView(
        [property: Id(0)] string Environment, [property: Id(1)] string ClientId, [property: Id(2)] string SecretHint, [property: Id(3)] DateTimeOffset ValidatedAt);

    [GenerateSerializer]
    public sealed record LegacyConsentInvitation(
        [property: Id(0)] string Id, [property: Id(1)] string Tenant, [property: Id(2)] string Environment, [property: Id(3)] string IssuanceId,
        [property: Id(4)] string Email, [property: Id(5)] string? GivenNames, [property: Id(6)] string? FamilyNames, [property: Id(7)] DateTimeOffset ExpiresAt,
        [property: Id(8)] string TemplateId, [property: Id(9)] string? AcceptedBy = null);

    [GenerateSerializer]
    public sealed record LegacyBatchRecord(
        [property: Id(0)] string Id, [property: Id(1)] string Environment, [property: Id(2)] string FileName, [property: Id(3)] DateTimeOffset CreatedAt,
        [property: Id(4)] string CreatedBy, [property: Id(5)] IReadOnlyList<BatchLine> Lines);
}
