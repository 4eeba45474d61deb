using System.Net;
using System.Net.Sockets;

namespace DeskPhone.Interop.Tests.Lab;

/// <summary>The fixture's own promises: it starts on demand and leaves nothing behind.</summary>
public sealed class KamailioLabLifetimeTests
{
    [Fact]
    public async Task StartAsync_ThenDispose_FreesThePortAndDeletesTheWorkDirectory()
    {
        var lab = await KamailioLab.StartAsync();
        var port = lab.Port;
        var workDirectory = lab.WorkDirectory;
        Assert.True(File.Exists(Path.Combine(workDirectory, "kamailio.ctl")), lab.DescribeFailure());

        await lab.DisposeAsync();

        Assert.False(Directory.Exists(workDirectory));
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
        Assert.Contains("starting Kamailio", lab.Log, StringComparison.Ordinal);
    }
}
