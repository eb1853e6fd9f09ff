namespace Consortium.Grains.Webhooks;

[GenerateSerializer, Alias("WebhookStatusState")]
public sealed record WebhookStatusState
{
    [Id(0)] public DateTimeOffset? LastRegisteredAt { get; init; }

    /// <summary>Set by the first failure after a success, cleared by the next success.</summary>
    [Id(1)] public DateTimeOffset? FailingSince { get; init; }

    [Id(2)] public string? Failure { get; init; }
}
