using Consortium.Grains.Trust;
using Consortium.Orcid.Model;
using static Consortium.Grains.Tests.Trust.TrustRules;

namespace Consortium.Grains.Tests.Trust;

/// <summary>Qualifications as they come back from ORCID, written by the parties a trust rule cares about.</summary>
internal static class RecordItems
{
    public const string Researcher = "0000-0002-1825-0097";
    public const string OwnClientId = "APP-OWNCLIENT0000001";
    public const string PartnerClientId = "APP-PARTNER000000001";
    public const string OtherClientId = "APP-OTHER00000000002";
    public const string OwnRor = "https://ror.org/02mhbdp94";
    public static readonly DateOnly Today = new(2026, 6, 15);

    public static EvaluationContext Context(IReadOnlyDictionary<string, string>? templateTitles = null) =>
        new(Researcher, OwnClientId, new HashSet<string> { PartnerClientId }, templateTitles ?? new Dictionary<string, string>(), Today);

    public static Qualification FromOwnClient(long putCode = 101, string title = RadiationSafety) =>
        Item(putCode, title, new Source { SourceClientId = Client(OwnClientId), SourceName = "Example University" });

    public static Qualification FromPartner(long putCode = 102, string title = RadiationSafety) =>
        Item(putCode, title, new Source { SourceClientId = Client(PartnerClientId), SourceName = "Partner Institute" });

    public static Qualification FromOtherMember(long putCode = 103, string title = RadiationSafety) =>
        Item(putCode, title, new Source { SourceClientId = Client(OtherClientId), SourceName = "Other University" });

    public static Qualification SelfAsserted(long putCode = 104, string title = RadiationSafety) =>
        Item(putCode, title, new Source { SourceOrcid = new OrcidIdentifier($"https://sandbox.orcid.org/{Researcher}", Researcher, "sandbox.orcid.org"), SourceName = "Josiah Carberry" });

    public static PartialDate Date(int year, int? month = null, int? day = null) => new(year, month, day);

    public static ExternalId ExternalId(string type, string value) =>
        new() { ExternalIdType = type, ExternalIdValue = value, ExternalIdRelationship = Orcid.Model.ExternalId.SelfRelationship };

    public static Organization Organisation(string name, string? identifier, string source = "ROR") => new()
    {
        Name = name,
        Address = new OrganizationAddress("Auckland", null, "NZ"),
        DisambiguatedOrganization = identifier is null ? null : new DisambiguatedOrganization(identifier, source),
    };

    private static OrcidIdentifier Client(string clientId) => new($"https://sandbox.orcid.org/client/{clientId}", clientId, "sandbox.orcid.org");

    private static Qualification Item(long putCode, string title, Source source) => new()
    {
        PutCode = putCode,
        RoleTitle = title,
        Source = source,
        StartDate = Date(2025, 3, 1),
        Organization = Organisation("Example University", OwnRor),
        CreatedDate = new DateTimeOffset(2025, 3, 2, 9, 0, 0, TimeSpan.Zero),
        Path = $"/{Researcher}/qualification/{putCode}",
    };
}
