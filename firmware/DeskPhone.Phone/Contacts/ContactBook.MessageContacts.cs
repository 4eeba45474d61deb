using DeskPhone.Phone.Messages;

namespace DeskPhone.Phone.Contacts;

/// <summary>The phonebook as the message screens see it: everyone with an extension, by name.</summary>
public sealed partial class ContactBook : IMessageContacts
{
    /// <summary>
    /// Text messages go to SIP users on our PBX, so only contacts with an extension are offered;
    /// read from the database at each call, so the list is current. THREAD: signalling loop.
    /// </summary>
    IReadOnlyList<MessageContact> IMessageContacts.All =>
        All().Where(c => c.Extension is not null).Select(c => new MessageContact(c.Name, c.Extension!)).ToArray();
}
