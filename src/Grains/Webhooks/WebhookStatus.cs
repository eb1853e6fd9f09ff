using Consortium.Orcid;

namespace Consortium.Grains.Webhooks;

/// <summary>"Record updates from ORCID" for one environment, as the admin sees them.</summary>
[GenerateSerializer, Immutable]
public sealed record WebhookStatus(
    [property: Id(0)] OrcidEnvironment Environment,
    [property: Id(1)] WebhookHealth Health,
    [property: Id(2)] DateTimeOffset? LastRegisteredAt,
    [property: Id(3)] DateTimeOffset? FailingSince,
    [property: Id(4)] string? Failure)
{
    /// <summary>One sentence for the page and the API alike.</summary>
    public string Summary => Health switch
    {
        WebhookHealth.Registered => $"Record updates from ORCID: registered (last {LastRegisteredAt:yyyy-MM-dd HH:mm} UTC).",
        WebhookHealth.Failing => $"Record updates from ORCID: failing since {FailingSince:yyyy-MM-dd HH:mm} UTC ({Failure}). " +
            "Verifications still work, but read a changed record again only when its cached copy expires.",
        _ => "Record updates from ORCID: not registered yet; the first verification of a record registers them.",
    };
}
