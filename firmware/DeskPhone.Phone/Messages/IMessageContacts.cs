namespace DeskPhone.Phone.Messages;

/// <summary>Someone a message can be written to.</summary>
public sealed record MessageContact(string Name, string Extension);

/// <summary>
/// The contacts the message screens search, pick from and show names from. The contact list itself
/// (issue 6) implements it; until then the phone has <see cref="NoMessageContacts"/>.
/// THREAD: read on the signalling loop.
/// </summary>
public interface IMessageContacts
{
    IReadOnlyList<MessageContact> All { get; }
}

/// <summary>A phone without a contact list: names come from the messages themselves.</summary>
internal sealed class NoMessageContacts : IMessageContacts
{
    public static readonly NoMessageContacts Instance = new();

    public IReadOnlyList<MessageContact> All => [];
}
