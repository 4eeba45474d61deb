using DeskPhone.Interop.Tests.Lab;
using DeskPhone.Interop.Tests.Peers;
using DeskPhone.Interop.Tests.Phone;
using DeskPhone.Phone.Messages;
using Xunit.Abstractions;

namespace DeskPhone.Interop.Tests.Messages;

/// <summary>
/// Text messages end to end through the lab Kamailio (which challenges every MESSAGE and relays it
/// to the registered contact): a real baresip writes to our phone and reads what our phone writes,
/// and a message to an extension nobody registered is shown as not delivered.
/// </summary>
[Collection(KamailioFixture.Name)]
public sealed class MessageInteropTests(KamailioLab lab, ITestOutputHelper output)
{
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(10);

    [Fact]
    public Task Baresip_SendsAMessage_PhoneShowsIt_StoresIt_AndLightsTheLed() => lab.RunWithLogAsync(output, async () =>
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(40));
        await using var phone = LabPhone.Start(lab, "181");
        await phone.WaitForScreenAsync("Registered");
        var ourPhone = $"sip:181@{lab.EndPoint}";
        await using var peer = await StartPeer("182", [ourPhone], deadline.Token);

        await peer.SendMessageAsync(ourPhone, "Ciao dal laboratorio", deadline.Token);

        await phone.WaitForScreenAsync("Ciao dal laboratorio");
        Assert.True(phone.Hardware.Screen.ContainsText("182"), phone.Hardware.Screen.Snapshot());
        Assert.True(phone.Hardware.Indicators.MessageWaiting);
        var stored = await phone.Runtime.Loop.InvokeAsync(() => phone.Runtime.Messages.MessagesWith("182"));
        Assert.Equal("Ciao dal laboratorio", Assert.Single(stored).Text);
        Assert.Contains("Message from 182 stored", phone.Log);
    });

    [Fact]
    public Task Phone_WritesAMessageOnTheKeypad_BaresipReceivesTheText() => lab.RunWithLogAsync(output, async () =>
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(40));
        await using var phone = LabPhone.Start(lab, "183");
        await phone.WaitForScreenAsync("Registered");
        await using var peer = await StartPeer("184", [], deadline.Token);

        KeypadActions.WriteMessage(phone.Hardware.Keys, "184", "2224442666");

        // Multi-tap: 222 = C (capital at the start of a sentence), 444 = i, 2 = a, 666 = o.
        await peer.WaitForLogAsync("Ciao", EventTimeout, deadline.Token);
        Assert.Contains("From: <sip:183@", peer.Log);
        await phone.WaitForScreenAsync("delivered");
        var sent = await phone.Runtime.Loop.InvokeAsync(() => phone.Runtime.Messages.MessagesWith("184"));
        Assert.Equal(MessageState.Delivered, Assert.Single(sent).State);
    });

    [Fact]
    public Task Phone_WritesToAnExtensionNobodyRegistered_ShowsNotDelivered_NeverSent() => lab.RunWithLogAsync(output, async () =>
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(40));
        await using var phone = LabPhone.Start(lab, "185");
        await phone.WaitForScreenAsync("Registered");

        KeypadActions.WriteMessage(phone.Hardware.Keys, "189", "2");

        await phone.WaitForScreenAsync("not delivered");
        await phone.WaitForScreenAsync("extension not active");
        var failed = Assert.Single(await phone.Runtime.Loop.InvokeAsync(() => phone.Runtime.Messages.MessagesWith("189")));
        Assert.Equal((MessageState.Failed, 480), (failed.State, failed.StatusCode));
        Assert.False(phone.Hardware.Screen.ContainsText(" sent"), phone.Hardware.Screen.Snapshot());
    });

    private Task<BaresipPeer> StartPeer(string extension, IReadOnlyList<string> messageContacts, CancellationToken ct) =>
        BaresipPeer.StartAsync(
            new BaresipPeerOptions
            {
                User = extension,
                Password = lab.Password(extension),
                Registrar = lab.EndPoint.ToString(),
                RecordAudio = false,
                MessageContacts = messageContacts,
            },
            ct);
}
