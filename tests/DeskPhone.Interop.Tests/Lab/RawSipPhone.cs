using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace DeskPhone.Interop.Tests.Lab;

/// <summary>
/// A bare UDP SIP user agent for proving the lab PBX, independent of the firmware's SIP
/// stack: it writes requests and responses by hand (RFC 3261), uses the PBX as outbound
/// proxy, and never retransmits (loopback loses nothing). Not thread-safe: one test flow
/// drives one phone.
/// </summary>
internal sealed class RawSipPhone : IDisposable
{
    private static readonly TimeSpan ReceiveTimeout = TimeSpan.FromSeconds(5);

    private readonly KamailioLab lab;
    private readonly Socket socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly byte[] buffer = new byte[65535];
    // Messages that arrived while the phone waited for another one, oldest first.
    private readonly List<RawSipMessage> unclaimed = [];
    private readonly string localTag = NewToken();

    public RawSipPhone(KamailioLab lab, string extension)
    {
        this.lab = lab;
        Extension = extension;
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        LocalPort = ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    public string Extension { get; }

    public int LocalPort { get; }

    public string AddressOfRecord => $"sip:{Extension}@{lab.Domain}";

    public string ContactUri => $"sip:{Extension}@127.0.0.1:{LocalPort}";

    /// <summary>The lab address of another extension, for request URIs and To headers.</summary>
    public string UriOf(string extension) => $"sip:{extension}@{lab.Domain}";

    /// <summary>Binds <see cref="ContactUri"/> to this extension; answers a 401 when a password is given.</summary>
    public Task<RawSipMessage> RegisterAsync(string? password) =>
        RequestAsync("REGISTER", $"sip:{lab.Domain}:{lab.Port}", AddressOfRecord, password, ["Expires: 300"]);

    /// <summary>
    /// Sends an out-of-dialog request and returns its final response. When a password is given,
    /// one 401/407 challenge is answered by resending with digest credentials and CSeq + 1.
    /// </summary>
    public async Task<RawSipMessage> RequestAsync(
        string method, string requestUri, string toUri, string? password, IEnumerable<string>? extraHeaders = null, string body = "")
    {
        var callId = NewToken() + "@127.0.0.1";
        List<string> headers =
        [
            $"From: <{AddressOfRecord}>;tag={localTag}",
            $"To: <{toUri}>",
            $"Call-ID: {callId}",
            $"Contact: <{ContactUri}>",
            .. extraHeaders ?? [],
        ];

        var response = await TransactAsync(method, requestUri, 1, headers, body);
        if (password is null || response.StatusCode is not (401 or 407))
        {
            return response;
        }

        // RFC 3261 section 22.2 / 22.3: 401 carries WWW-Authenticate, 407 Proxy-Authenticate.
        var (challengeName, credentialsName) = response.StatusCode == 401
            ? ("WWW-Authenticate", "Authorization")
            : ("Proxy-Authenticate", "Proxy-Authorization");
        var challenge = response.Header(challengeName)
            ?? throw new InvalidOperationException($"{response.StartLine} without {challengeName}:\n{response}");
        headers.Add($"{credentialsName}: {DigestCredentials.Answer(challenge, Extension, password, method, requestUri)}");
        return await TransactAsync(method, requestUri, 2, headers, body);
    }

    /// <summary>ACKs a 2xx to this phone's INVITE along the dialog's route (RFC 3261 section 13.2.2.4).</summary>
    public Task SendAckAsync(RawSipMessage inviteOk) =>
        SendAsync(BuildRequest("ACK", RemoteTarget(inviteOk), inviteOk.CSeqNumber, DialogHeaders(inviteOk), string.Empty));

    /// <summary>
    /// Sends a request inside the dialog that <paramref name="inviteOk"/> (a 2xx to this phone's
    /// INVITE) set up, to the remote target via the route set (RFC 3261 section 12.2.1.1).
    /// </summary>
    public Task<RawSipMessage> InDialogRequestAsync(string method, RawSipMessage inviteOk) =>
        TransactAsync(method, RemoteTarget(inviteOk), inviteOk.CSeqNumber + 1, DialogHeaders(inviteOk), string.Empty);

    /// <summary>Waits for the next request of <paramref name="method"/> sent to this phone.</summary>
    public Task<RawSipMessage> ReceiveRequestAsync(string method) =>
        ReceiveAsync(message => !message.IsResponse && message.Method == method, $"{method} request");

    /// <summary>
    /// Answers a received request (RFC 3261 section 8.2.6): Via, From, Call-ID, CSeq and any
    /// Record-Route copied, a To-tag added, a Contact for 2xx to INVITE.
    /// </summary>
    public Task RespondAsync(RawSipMessage request, int statusCode, string reason)
    {
        var response = new StringBuilder($"SIP/2.0 {statusCode} {reason}\r\n");
        foreach (var via in request.AllHeaders("Via"))
        {
            response.Append($"Via: {via}\r\n");
        }

        foreach (var recordRoute in request.AllHeaders("Record-Route"))
        {
            response.Append($"Record-Route: {recordRoute}\r\n");
        }

        var to = request.Header("To") ?? string.Empty;
        response.Append($"From: {request.Header("From")}\r\n");
        response.Append(to.Contains(";tag=", StringComparison.Ordinal) ? $"To: {to}\r\n" : $"To: {to};tag={localTag}\r\n");
        response.Append($"Call-ID: {request.CallId}\r\n");
        response.Append($"CSeq: {request.Header("CSeq")}\r\n");
        if (request.Method == "INVITE" && statusCode is >= 200 and < 300)
        {
            response.Append($"Contact: <{ContactUri}>\r\n");
        }

        response.Append("Content-Length: 0\r\n\r\n");
        // Every request reaches this phone through the PBX, so the answer goes back to it.
        return SendAsync(response.ToString());
    }

    public void Dispose() => socket.Dispose();

    private async Task<RawSipMessage> TransactAsync(string method, string requestUri, int cseq, IEnumerable<string> headers, string body)
    {
        var request = BuildRequest(method, requestUri, cseq, headers, body);
        var callId = RawSipMessage.Parse(request).CallId;
        await SendAsync(request);
        return await ReceiveAsync(
            message => message.IsResponse && message.StatusCode >= 200 && message.CallId == callId
                && message.CSeqNumber == cseq && message.CSeqMethod == method,
            $"final response to {method} (CSeq {cseq})");
    }

    private string BuildRequest(string method, string requestUri, int cseq, IEnumerable<string> headers, string body)
    {
        var request = new StringBuilder($"{method} {requestUri} SIP/2.0\r\n");
        // rport (RFC 3581): the PBX answers to the port this packet came from.
        request.Append($"Via: SIP/2.0/UDP 127.0.0.1:{LocalPort};rport;branch=z9hG4bK{NewToken()}\r\n");
        request.Append("Max-Forwards: 70\r\n");
        foreach (var header in headers)
        {
            request.Append(header).Append("\r\n");
        }

        request.Append(CultureInfo.InvariantCulture, $"CSeq: {cseq} {method}\r\n");
        request.Append(CultureInfo.InvariantCulture, $"Content-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n");
        request.Append(body);
        return request.ToString();
    }

    // The dialog as seen by the INVITE's sender: From/To/Call-ID as in the 2xx, and the route
    // set that is the 2xx's Record-Route list reversed (RFC 3261 section 12.1.2).
    private static List<string> DialogHeaders(RawSipMessage inviteOk)
    {
        List<string> headers =
        [
            $"From: {inviteOk.Header("From")}",
            $"To: {inviteOk.Header("To")}",
            $"Call-ID: {inviteOk.CallId}",
        ];
        headers.AddRange(inviteOk.AllHeaders("Record-Route").Reverse().Select(route => $"Route: {route}"));
        return headers;
    }

    private static string RemoteTarget(RawSipMessage inviteOk) =>
        RawSipMessage.UriOf(inviteOk.Header("Contact")
            ?? throw new InvalidOperationException($"2xx without Contact:\n{inviteOk}"));

    // Everything goes to the PBX: it is the registrar, the outbound proxy and the first Route.
    private async Task SendAsync(string message) =>
        await socket.SendToAsync(Encoding.UTF8.GetBytes(message), SocketFlags.None, lab.EndPoint);

    private async Task<RawSipMessage> ReceiveAsync(Func<RawSipMessage, bool> wanted, string description)
    {
        var earlier = unclaimed.FindIndex(message => wanted(message));
        if (earlier >= 0)
        {
            var message = unclaimed[earlier];
            unclaimed.RemoveAt(earlier);
            return message;
        }

        using var timeout = new CancellationTokenSource(ReceiveTimeout);
        while (true)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await socket.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Phone {Extension} got no {description} within {ReceiveTimeout}.");
            }

            var message = RawSipMessage.Parse(Encoding.UTF8.GetString(buffer, 0, received.ReceivedBytes));
            if (wanted(message))
            {
                return message;
            }

            // Provisional responses only say the PBX is working on it.
            if (!(message.IsResponse && message.StatusCode < 200))
            {
                unclaimed.Add(message);
            }
        }
    }

    private static string NewToken() => Guid.NewGuid().ToString("N")[..16];
}
