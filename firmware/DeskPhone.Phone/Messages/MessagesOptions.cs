using System.ComponentModel.DataAnnotations;

namespace DeskPhone.Phone.Messages;

/// <summary>Text messages; bound from the "Messages" configuration section.</summary>
public sealed class MessagesOptions
{
    public const string Section = "Messages";

    /// <summary>
    /// How many messages the phone keeps. Past it the oldest read messages are deleted; unread ones
    /// never are, so a phone full of unread messages refuses new ones rather than lose one.
    /// </summary>
    [Range(100, 1_000_000)]
    public int MaxStoredMessages { get; set; } = 10_000;

    /// <summary>Largest text accepted, in bytes of the MESSAGE body; bigger ones are answered 413.</summary>
    [Range(64, 65_536)]
    public int MaxTextBytes { get; set; } = 4096;
}
