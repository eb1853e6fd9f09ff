using System.Net;
using System.Net.Sockets;

namespace Consortium.Tests;

/// <summary>Ports for test servers and silos. Asking the OS for port 0 returns a port from the ephemeral range, which the OS
/// hands out again to any outgoing connection before our server binds it ("address already in use"). These come from below
/// Linux's ephemeral range (32768+), from one counter per process so two callers never get the same one, and each is probed.</summary>
public static class FreePort
{
    const int First = 20_000;
    const int Last = 32_000;

    static int next = First + Random.Shared.Next(Last - First);

    public static int Next()
    {
        for (var attempt = 0; attempt < Last - First; attempt++)
        {
            var port = First + (int)((uint)Interlocked.Increment(ref next) % (Last - First));
            if (IsFree(port))
            {
                return port;
            }
        }
        throw new InvalidOperationException($"No free port between {First} and {Last}.");
    }

    static bool IsFree(int port)
    {
        try
        {
            // Orleans listens on every address, so the port must be free on all of them, not only on loopback.
            using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            listener.Bind(new IPEndPoint(IPAddress.Any, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
