using DeskPhone.Hal;
using DeskPhone.Phone.Contacts;
using DeskPhone.Phone.Screens;

namespace DeskPhone.Phone;

/// <summary>
/// The phonebook screens: the contacts by name, narrowed by letters typed on the keypad, and one
/// contact with its extension and numbers. Send (or Call) calls the highlighted line; Msg writes
/// to the contact's extension, since messages go through our PBX.
/// </summary>
public sealed partial class PhoneController
{
    /// <summary>The contacts the list shows under its header row.</summary>
    private int PhonebookRows => ContentRows - 1;

    private void OpenPhonebook()
    {
        endedTimer?.Dispose();
        ShowDirectory(PhonebookList(string.Empty, 0));
    }

    /// <summary>The page of the search that holds <paramref name="selected"/>, read from the book now.</summary>
    private PhonebookListScreen PhonebookList(string keys, int selected)
    {
        var status = Phonebook is not { IsAvailable: true } ? PhonebookStatus.Unavailable
            : Phonebook.Problem is not null ? PhonebookStatus.Reset
            : PhonebookStatus.Ready;
        if (status == PhonebookStatus.Unavailable)
        {
            return new PhonebookListScreen(keys, ContactPage.Empty, 0, status);
        }

        // The book may have changed since the last key (an import by the administrator): the
        // highlight stays within what it holds now.
        var page = Phonebook!.Browse(keys, SoftKeyFrame.Top(selected, PhonebookRows), PhonebookRows);
        var within = Math.Clamp(selected, 0, Math.Max(0, page.Total - 1));
        if (within != selected)
        {
            selected = within;
            page = Phonebook.Browse(keys, SoftKeyFrame.Top(selected, PhonebookRows), PhonebookRows);
        }

        return new PhonebookListScreen(keys, page, selected, status);
    }

    private void OnPhonebookKey(PhoneKey key)
    {
        switch (View.DirectoryScreen)
        {
            case PhonebookListScreen list:
                OnPhonebookListKey(list, key);
                break;
            case ContactScreen contact:
                OnContactKey(contact, key);
                break;
        }
    }

    private void OnPhonebookListKey(PhonebookListScreen list, PhoneKey key)
    {
        switch (key)
        {
            case >= PhoneKey.Digit0 and <= PhoneKey.Digit9 when list.Status != PhonebookStatus.Unavailable && list.Keys.Length < options.MaxDialDigits:
                ShowDirectory(PhonebookList(list.Keys + key.DialChar(), 0));
                break;
            case PhoneKey.Back when list.Keys.Length > 0:
                ShowDirectory(PhonebookList(list.Keys[..^1], 0));
                break;
            case PhoneKey.Up:
                ShowDirectory(PhonebookList(list.Keys, Math.Max(0, list.Selected - 1)));
                break;
            case PhoneKey.Down:
                ShowDirectory(PhonebookList(list.Keys, list.Selected + 1));
                break;
            case PhoneKey.Ok when list.Current is { } contact:
                ShowDirectory(new ContactScreen(contact, 0) { Parent = list });
                break;
            case PhoneKey.Soft1 or PhoneKey.Send when list.Current is { } contact && ContactEntry.Of(contact) is [var first, ..]:
                PlaceCall(first.Dial);
                break;
            case PhoneKey.Soft2 when list.Current is { Extension: { Length: > 0 } extension } contact:
                StartCompose(extension, contact.Name, parent: null);
                break;
            case PhoneKey.Soft4 or PhoneKey.Back:
                Back(list);
                break;
            default:
                OnDirectorySwitchKey(key);
                break;
        }
    }

    private void OnContactKey(ContactScreen screen, PhoneKey key)
    {
        var entries = screen.Entries;
        switch (key)
        {
            case PhoneKey.Up when entries.Count > 0:
                ShowDirectory(screen with { Selected = Math.Max(0, screen.Selected - 1) });
                break;
            case PhoneKey.Down when entries.Count > 0:
                ShowDirectory(screen with { Selected = Math.Min(entries.Count - 1, screen.Selected + 1) });
                break;
            case PhoneKey.Soft1 or PhoneKey.Send or PhoneKey.Ok when screen.Selected < entries.Count:
                PlaceCall(entries[screen.Selected].Dial);
                break;
            case PhoneKey.Soft2 when screen.Contact.Extension is { Length: > 0 } extension:
                StartCompose(extension, screen.Contact.Name, parent: null);
                break;
            case PhoneKey.Soft4 or PhoneKey.Back:
                Back(screen);
                break;
            default:
                OnDirectorySwitchKey(key);
                break;
        }
    }
}
