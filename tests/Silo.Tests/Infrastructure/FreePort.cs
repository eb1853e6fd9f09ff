using System.Net;
using System.Net.Sockets;

namespace Consortium.Silo.Tests.Infrastructure;

public static class FreePort
{
    /// <summary>A loopback port nobody listens on right now, so parallel test clusters never collide.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
