namespace DeskPhone.Interop.Tests.Peers;

/// <summary>A real baresip registering with a minimal fake registrar on loopback.</summary>
public sealed class BaresipPeerRegistrationTests
{
    [Fact]
    public async Task StartAsync_WithRegistrar_ReturnsOnceRegistered()
    {
        await using var registrar = new FakeRegistrar(200, "OK");

        await using var peer = await BaresipPeer.StartAsync(
            new BaresipPeerOptions { User = "101", Password = "pw101", Registrar = registrar.Address, RecordAudio = false },
            CancellationToken.None);

        // UDP retransmissions (RFC 3261 timer E) can repeat the REGISTER when the test host is busy.
        Assert.InRange(registrar.RegisterCount, 1, 3);
        Assert.True(BaresipOutput.IsRegistered((await peer.SendCommandAsync("reginfo")).Data));
        Assert.Contains($"REGISTER sip:{registrar.Address};transport=udp SIP/2.0", peer.Log);
        Assert.Contains("<sip:101@", peer.Log);
    }

    [Fact]
    public async Task StartAsync_WhenRegistrarRefuses_FailsFastWithTheRefusalInTheLog()
    {
        await using var registrar = new FakeRegistrar(403, "Forbidden");
        var options = new BaresipPeerOptions { User = "102", Registrar = registrar.Address, RecordAudio = false };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => BaresipPeer.StartAsync(options, CancellationToken.None));

        Assert.Contains("registration with", error.Message);
        Assert.Contains("403 Forbidden", error.Message);
    }
}
