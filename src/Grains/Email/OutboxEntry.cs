namespace Consortium.Grains.Email;

/// <summary>What an admin sees of a queued message: never its body, which holds the link's secret.</summary>
/// <param name="LastError">Why the last attempt failed, as the mail server or the network said it.</param>
[GenerateSerializer, Immutable, Alias("OutboxEntry")]
public sealed record OutboxEntry(
    [property: Id(0)] string Id,
    [property: Id(1)] string Reference,
    [property: Id(2)] string To,
    [property: Id(3)] string Subject,
    [property: Id(4)] OutboxStatus Status,
    [property: Id(5)] int Attempts,
    [property: Id(6)] string? LastError,
    [property: Id(7)] DateTimeOffset QueuedAt,
    [property: Id(8)] DateTimeOffset? NextAttemptAt,
    [property: Id(9)] DateTimeOffset? SentAt);
