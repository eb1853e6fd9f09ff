using Orleans.Runtime.Messaging;

namespace Consortium.Portal.Hosting;

/// <summary>
/// The failures a grain call meets while the cluster recovers from a silo's death (until it is declared dead and its grains
/// activate elsewhere): the dead gateway or silo is unreachable, the call is rejected on the way, or no answer came within the
/// client's response timeout. Trying again a few seconds later succeeds. Only Orleans' own messaging failures count, so a
/// grain's exceptions (real bugs included) keep their meaning.
/// </summary>
public static class TransientClusterFailure
{
    /// <summary>What a caller is told to wait before trying again (<c>Retry-After</c>).</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    public static bool Is(Exception exception) => exception is
        SiloUnavailableException           // the target silo is known to be dead, or became unavailable
        or OrleansMessageRejectionException // rejected on the way (a silo shutting down, a route to a dead one)
        or ConnectionFailedException        // no gateway could be reached
        or GatewayTooBusyException
        or TimeoutException;                // no answer within Orleans' response timeout (a call through the dead gateway)
}
