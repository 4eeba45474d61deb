using System.Text.Json;

namespace DeskPhone.Interop.Tests.Peers;

/// <summary>
/// One event pushed by baresip's ctrl_tcp module, e.g.
/// <c>{"event":true,"type":"CALL_ESTABLISHED","class":"call","accountaor":"sip:a@127.0.0.1",
/// "direction":"outgoing","peeruri":"sip:b@127.0.0.1:5070","id":"…","param":"…"}</c>.
/// Types seen with baresip 1.0.0: REGISTER_OK, REGISTER_FAIL, CALL_INCOMING, CALL_RINGING,
/// CALL_LOCAL_SDP, CALL_REMOTE_SDP, CALL_ESTABLISHED, CALL_RTPESTAB, CALL_RTCP, CALL_CLOSED, SHUTDOWN, EXIT.
/// </summary>
internal sealed record BaresipEvent(
    string Type,
    string? Class,
    string? AccountAor,
    string? Direction,
    string? PeerUri,
    string? CallId,
    string? Param,
    string Json)
{
    public static BaresipEvent FromJson(JsonElement root) => new(
        Text(root, "type") ?? string.Empty,
        Text(root, "class"),
        Text(root, "accountaor"),
        Text(root, "direction"),
        Text(root, "peeruri"),
        Text(root, "id"),
        Text(root, "param"),
        root.GetRawText());

    public override string ToString() => $"{Type} {PeerUri} {Param}".TrimEnd();

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
