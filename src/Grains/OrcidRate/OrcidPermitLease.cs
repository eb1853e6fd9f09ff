namespace Consortium.Grains.OrcidRate;

/// <summary>Permits to send <see cref="Permits"/> requests from <see cref="Delay"/> after the lease was granted until
/// <see cref="ValidFor"/> after that. No permits: ask again after <see cref="Delay"/>.
/// Times are relative, as the host's clock and the grain's need not agree.</summary>
[GenerateSerializer, Immutable]
public sealed record OrcidPermitLease([property: Id(0)] int Permits, [property: Id(1)] TimeSpan Delay, [property: Id(2)] TimeSpan ValidFor);
