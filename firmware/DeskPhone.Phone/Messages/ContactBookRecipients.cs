using DeskPhone.Phone.Contacts;

namespace DeskPhone.Phone.Messages;

/// <summary>
/// The phonebook's colleagues as message recipients: messages go through the PBX to extensions, so
/// only contacts with one are listed. Read from the book each time, so new contacts show at once.
/// THREAD: the signalling loop (the book's thread).
/// </summary>
public sealed class ContactBookRecipients(ContactBook book) : IMessageContacts
{
    public IReadOnlyList<MessageContact> All =>
        book.All().Where(c => !string.IsNullOrEmpty(c.Extension)).Select(c => new MessageContact(c.Name, c.Extension!)).ToList();
}
