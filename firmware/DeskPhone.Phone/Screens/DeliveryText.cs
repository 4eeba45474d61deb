using DeskPhone.Phone.Messages;

namespace DeskPhone.Phone.Screens;

/// <summary>The words for a sent message's state: never "sent" or "delivered" unless a 2xx said so.</summary>
internal static class DeliveryText
{
    public static string State(MessageState state) => state switch
    {
        MessageState.Sending => "sending...",
        MessageState.Delivered => "delivered",

        // 202 Accepted: a server took it (RFC 3428 §7); whether it reached the phone is unknown.
        MessageState.Accepted => "sent",
        MessageState.Failed => "not delivered",
        _ => string.Empty,
    };

    /// <summary>Why a message was not delivered, in a line's worth of words.</summary>
    public static string Reason(StoredMessage message) => message.StatusCode switch
    {
        404 or 480 => "extension not active",
        408 => "no answer (timeout)",
        null => message.Reason ?? "unknown reason",
        var code => $"error {code} {message.Reason}".TrimEnd(),
    };
}
