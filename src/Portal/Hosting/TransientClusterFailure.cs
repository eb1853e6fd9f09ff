using Npgsql;
using Orleans.Runtime.Messaging;

namespace Consortium.Portal.Hosting;

/// <summary>
/// The failures a grain call meets while the cluster recovers from a silo's death (until it is declared dead and its grains
/// activate elsewhere): the dead gateway or silo is unreachable, the call is rejected on the way, or no answer came within the
/// client's response timeout; and the database restarting. Trying again a few seconds later succeeds. Only Orleans' own messaging
/// failures and the database's count, so a grain's exceptions (real bugs included) keep their meaning.
/// </summary>
public static class TransientClusterFailure
{
    /// <summary>What a caller is told to wait before trying again (<c>Retry-After</c>).</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    /// <summary>The failure, or what it wraps: Orleans reports a grain's failed storage call as an OrleansException around Npgsql's.</summary>
    public static bool Is(Exception exception)
    {
        for (Exception? cause = exception; cause is not null; cause = cause.InnerException)
        {
            if (IsItself(cause))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsItself(Exception exception) => exception is
        SiloUnavailableException           // the target silo is known to be dead, or became unavailable
        or OrleansMessageRejectionException // rejected on the way (a silo shutting down, a route to a dead one)
        or ConnectionFailedException        // no gateway could be reached
        or GatewayTooBusyException
        or TimeoutException                 // no answer within Orleans' response timeout (a call through the dead gateway)
        // PostgreSQL restarting, out of connections or unreachable, met by the portal or by a grain (whose storage write failed).
        // The SQL is the application's own and tested, so at run time Npgsql's failures are the database's availability.
        or NpgsqlException;
}
