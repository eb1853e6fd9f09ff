namespace Consortium.Grains.Trust;

/// <summary>The checks a qualification goes through, in the order evidence reports them.</summary>
internal enum CheckKind
{
    Source,
    Title,
    Organisation,
    ExternalId,
    Started,
    NotExpired,
    IssuedWithin,
}
