using DeskPhone.Phone.Messages;

namespace DeskPhone.Phone.Screens;

/// <summary>The words for a sent message's state: never "sent" or "delivered" unless a 2xx said so.</summary>
internal static class DeliveryText
{
    public static string State(MessageState state, LcdTexts texts) => state switch
    {
        MessageState.Sending => texts.Sending,
        MessageState.Delivered => texts.Delivered,

        // 202 Accepted: a server took it (RFC 3428 §7); whether it reached the phone is unknown.
        MessageState.Accepted => texts.Accepted,
        MessageState.Failed => texts.NotDelivered,
        _ => string.Empty,
    };

    /// <summary>Why a message was not delivered, in a line's worth of words.</summary>
    public static string Reason(StoredMessage message, LcdTexts texts) => message.StatusCode switch
    {
        404 or 480 => texts.ExtensionNotActive,
        408 => texts.NoAnswerTimeout,
        null => message.Reason ?? texts.UnknownReason,
        int code => texts.Error(code, message.Reason),
    };
}
