using System.Net;
using System.Net.Sockets;

namespace PointsLedger.EmbeddedPostgres;

public static class FreePort
{
    /// <summary>A loopback port nobody listens on right now, for a throwaway cluster or server.</summary>
    public static int Find()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
