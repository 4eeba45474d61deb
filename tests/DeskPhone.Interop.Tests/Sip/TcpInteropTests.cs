using DeskPhone.Interop.Tests.Lab;
using DeskPhone.Interop.Tests.Peers;
using DeskPhone.Interop.Tests.Phone;
using Xunit.Abstractions;

namespace DeskPhone.Interop.Tests.Sip;

/// <summary>
/// SIP over TCP (RFC 3261 §18) against a real Kamailio that listens on TCP as well as UDP: our
/// phone registers with digest over TCP and the binding says so; a baresip peer reaches it over
/// the PBX with a MESSAGE, and a call to baresip sets up and tears down with every request of
/// ours on TCP. The class starts its own PBX.
/// </summary>
public sealed class TcpInteropTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(10);
    private KamailioLab? lab;

    private KamailioLab Lab => lab!;

    public async Task InitializeAsync() => lab = await KamailioLab.StartWithTcpAsync();

    public async Task DisposeAsync() => await Lab.DisposeAsync();

    [Fact]
    public Task Phone_RegistersOverTcpWithDigest_AndTheBindingIsTcp() => Lab.RunWithLogAsync(output, async () =>
    {
        await using var phone = StartTcpPhone("170");

        await phone.WaitForScreenAsync("Registered");

        var contact = Assert.Single(await Lab.RegisteredContactsAsync("170"));
        Assert.Contains($":{phone.Runtime.Agent.LocalEndPoint.Port};transport=tcp", contact, StringComparison.Ordinal);
        Assert.Contains("Authorization: Digest", phone.Log);
        Assert.Contains($"SIP to tcp:{Lab.EndPoint}", phone.Log);
    });

    [Fact]
    public Task Baresip_SendsAMessage_ThePbxRelaysItToThePhoneOverTcp() => Lab.RunWithLogAsync(output, async () =>
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(40));
        await using var phone = StartTcpPhone("171");
        await phone.WaitForScreenAsync("Registered");
        var ourPhone = $"sip:171@{Lab.EndPoint}";
        await using var peer = await StartPeer("172", autoAnswer: false, [ourPhone], deadline.Token);

        await peer.SendMessageAsync(ourPhone, "Ciao via TCP", deadline.Token);

        await phone.WaitForScreenAsync("Ciao via TCP");
        var stored = await phone.Runtime.Loop.InvokeAsync(() => phone.Runtime.Messages.MessagesWith("172"));
        Assert.Equal("Ciao via TCP", Assert.Single(stored).Text);
        Assert.Contains("SIP from tcp:", phone.Log);
    });

    [Fact]
    public Task Phone_CallsBaresipOverTcp_ConnectsAndHangsUp() => Lab.RunWithLogAsync(output, async () =>
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(40));
        await using var peer = await StartPeer("201", autoAnswer: true, [], deadline.Token);
        await using var phone = StartTcpPhone("173");
        await phone.WaitForScreenAsync("Registered");

        phone.Hardware.Hook.SetOffHook(true);
        phone.Hardware.Keys.Type("201#");
        await phone.WaitForScreenAsync("Connected");
        await peer.WaitForEventAsync("CALL_ESTABLISHED", EventTimeout, deadline.Token);
        phone.Hardware.Hook.SetOffHook(false);

        await peer.WaitForEventAsync("CALL_CLOSED", EventTimeout, deadline.Token);
        Assert.Contains("SIP to tcp:", phone.Log);
        Assert.Contains("SIP/2.0/TCP", peer.Log);
    });

    /// <summary>Our phone in process with Sip:Transport=Tcp, registering to this class's PBX (which listens on TCP).</summary>
    private LabPhone StartTcpPhone(string extension) =>
        LabPhone.Start(Lab, extension, extraSettings: new Dictionary<string, string?> { ["Sip:Transport"] = "Tcp" });

    private Task<BaresipPeer> StartPeer(string extension, bool autoAnswer, IReadOnlyList<string> messageContacts, CancellationToken ct) =>
        BaresipPeer.StartAsync(
            new BaresipPeerOptions
            {
                User = extension,
                Password = Lab.Password(extension),
                Registrar = Lab.EndPoint.ToString(),
                Transport = "tcp",
                AutoAnswer = autoAnswer,
                RecordAudio = false,
                MessageContacts = messageContacts,
            },
            ct);
}
