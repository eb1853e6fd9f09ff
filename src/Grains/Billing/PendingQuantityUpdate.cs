namespace Consortium.Grains.Billing;

/// <summary>Stripe refused to bring the subscription's quantities to the members: the update is tried again from
/// <paramref name="NextAttemptAt"/>, each time later (backoff), until Stripe takes it. The quantities are the members' at
/// the time of the attempt, so changes made meanwhile are included.</summary>
[GenerateSerializer, Immutable]
public sealed record PendingQuantityUpdate(
    [property: Id(0)] DateTimeOffset Since,
    [property: Id(1)] int Attempts,
    [property: Id(2)] DateTimeOffset NextAttemptAt,
    [property: Id(3)] string Error);
