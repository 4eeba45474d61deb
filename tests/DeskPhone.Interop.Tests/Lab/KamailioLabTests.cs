using Xunit.Abstractions;

namespace DeskPhone.Interop.Tests.Lab;

/// <summary>
/// Proves tests/lab/kamailio.cfg with hand-written SIP over UDP. The tests share one PBX and
/// run one after another, so each uses its own extensions and registration state never leaks.
/// </summary>
public sealed class KamailioLabTests(KamailioLab lab, ITestOutputHelper output) : IClassFixture<KamailioLab>
{
    [Fact]
    public Task Register_WithoutCredentials_IsChallengedWithTheLabRealm() => lab.RunWithLogAsync(output, async () =>
    {
        using var phone = new RawSipPhone(lab, "100");

        var response = await phone.RegisterAsync(password: null);

        Assert.Equal(401, response.StatusCode);
        var challenge = DigestCredentials.Parameters(response.Header("WWW-Authenticate") ?? string.Empty);
        Assert.Equal(lab.Realm, challenge["realm"]);
        Assert.Empty(await lab.RegisteredContactsAsync("100"));
    });

    [Fact]
    public Task Register_WithCorrectDigest_Returns200AndListsTheContact() => lab.RunWithLogAsync(output, async () =>
    {
        using var phone = new RawSipPhone(lab, "101");

        var response = await phone.RegisterAsync(lab.Password("101"));

        Assert.Equal(200, response.StatusCode);
        Assert.Equal([phone.ContactUri], await lab.RegisteredContactsAsync("101"));
    });

    [Fact]
    public Task Register_WithWrongPassword_IsChallengedAgainAndNotBound() => lab.RunWithLogAsync(output, async () =>
    {
        using var phone = new RawSipPhone(lab, "105");

        var response = await phone.RegisterAsync("not-" + lab.Password("105"));

        Assert.Equal(401, response.StatusCode);
        Assert.Empty(await lab.RegisteredContactsAsync("105"));
    });

    [Fact]
    public Task Register_OfAnotherExtensionWithOwnCredentials_IsForbidden() => lab.RunWithLogAsync(output, async () =>
    {
        using var phone = new RawSipPhone(lab, "103");

        var response = await phone.RequestAsync("REGISTER", $"sip:{lab.Domain}:{lab.Port}", phone.UriOf("100"), lab.Password("103"));

        Assert.Equal(403, response.StatusCode);
        Assert.Empty(await lab.RegisteredContactsAsync("100"));
    });

    [Fact]
    public Task Message_WithoutCredentials_IsChallengedByTheProxy() => lab.RunWithLogAsync(output, async () =>
    {
        using var phone = new RawSipPhone(lab, "104");

        var response = await phone.RequestAsync("MESSAGE", phone.UriOf("100"), phone.UriOf("100"), password: null,
            ["Content-Type: text/plain"], "hello");

        Assert.Equal(407, response.StatusCode);
        var challenge = DigestCredentials.Parameters(response.Header("Proxy-Authenticate") ?? string.Empty);
        Assert.Equal(lab.Realm, challenge["realm"]);
    });

    [Theory]
    [InlineData("INVITE")]
    [InlineData("MESSAGE")]
    public Task Request_ToUnknownExtension_Returns404(string method) => lab.RunWithLogAsync(output, async () =>
    {
        using var phone = new RawSipPhone(lab, "104");

        var response = await phone.RequestAsync(method, phone.UriOf("999"), phone.UriOf("999"), lab.Password("104"));

        Assert.Equal(404, response.StatusCode);
    });

    [Theory]
    [InlineData("INVITE")]
    [InlineData("MESSAGE")]
    public Task Request_ToKnownUnregisteredExtension_Returns480(string method) => lab.RunWithLogAsync(output, async () =>
    {
        using var phone = new RawSipPhone(lab, "104");

        var response = await phone.RequestAsync(method, phone.UriOf("150"), phone.UriOf("150"), lab.Password("104"));

        Assert.Equal(480, response.StatusCode);
    });

    [Fact]
    public Task Message_BetweenRegisteredPhones_IsDeliveredToTheCallee() => lab.RunWithLogAsync(output, async () =>
    {
        using var caller = new RawSipPhone(lab, "102");
        using var callee = new RawSipPhone(lab, "103");
        Assert.Equal(200, (await caller.RegisterAsync(lab.Password("102"))).StatusCode);
        Assert.Equal(200, (await callee.RegisterAsync(lab.Password("103"))).StatusCode);

        var sending = caller.RequestAsync("MESSAGE", caller.UriOf("103"), caller.UriOf("103"), lab.Password("102"),
            ["Content-Type: text/plain"], "lunch?");
        var delivered = await callee.ReceiveRequestAsync("MESSAGE");
        await callee.RespondAsync(delivered, 200, "OK");
        var response = await sending;

        Assert.Equal(callee.ContactUri, delivered.RequestUri);
        Assert.Equal("lunch?", delivered.Body);
        Assert.Equal(caller.AddressOfRecord, RawSipMessage.UriOf(delivered.Header("From")!));
        Assert.Null(delivered.Header("Proxy-Authorization"));
        Assert.Equal(200, response.StatusCode);
    });

    [Fact]
    public Task Invite_BetweenRegisteredPhones_IsRecordRoutedAndInDialogRequestsNeedNoAuth() => lab.RunWithLogAsync(output, async () =>
    {
        using var caller = new RawSipPhone(lab, "110");
        using var callee = new RawSipPhone(lab, "199");
        Assert.Equal(200, (await caller.RegisterAsync(lab.Password("110"))).StatusCode);
        Assert.Equal(200, (await callee.RegisterAsync(lab.Password("199"))).StatusCode);

        var inviting = caller.RequestAsync("INVITE", caller.UriOf("199"), caller.UriOf("199"), lab.Password("110"));
        var invite = await callee.ReceiveRequestAsync("INVITE");
        await callee.RespondAsync(invite, 200, "OK");
        var inviteOk = await inviting;
        await caller.SendAckAsync(inviteOk);
        var ack = await callee.ReceiveRequestAsync("ACK");
        var hangingUp = caller.InDialogRequestAsync("BYE", inviteOk);
        var bye = await callee.ReceiveRequestAsync("BYE");
        await callee.RespondAsync(bye, 200, "OK");
        var byeResponse = await hangingUp;

        Assert.Equal(200, inviteOk.StatusCode);
        Assert.Contains($"127.0.0.1:{lab.Port};lr", Assert.Single(inviteOk.AllHeaders("Record-Route")), StringComparison.Ordinal);
        Assert.Equal(callee.ContactUri, ack.RequestUri);
        Assert.Equal(callee.ContactUri, bye.RequestUri);
        Assert.Empty(bye.AllHeaders("Route"));
        Assert.Equal(200, byeResponse.StatusCode);
    });
}
