using DeskPhone.Hal;
using DeskPhone.Phone.Screens;

namespace DeskPhone.Phone;

/// <summary>
/// What the call history and phonebook screens share: showing one, going back, the keys that
/// switch between them, and lifting the handset to call what is highlighted.
/// </summary>
public sealed partial class PhoneController
{
    private void ShowDirectory(DirectoryScreen screen) =>
        Publish(View with { Mode = screen is HistoryScreen ? PhoneMode.History : PhoneMode.Contacts, DirectoryScreen = screen });

    /// <summary>Back: the parent screen with fresh contents, or idle from the top.</summary>
    private void Back(DirectoryScreen from)
    {
        switch (from.Parent)
        {
            case HistoryListScreen list:
                ShowDirectory(HistoryList(list.Selected));
                break;
            case PhonebookListScreen list:
                ShowDirectory(PhonebookList(list.Keys, list.Selected));
                break;
            default:
                View = View with { DirectoryScreen = null };
                GoIdle();
                break;
        }
    }

    /// <summary>The keys that name a screen lead to it from the history and the phonebook alike.</summary>
    private void OnDirectorySwitchKey(PhoneKey key)
    {
        switch (key)
        {
            case PhoneKey.History:
                OpenHistory();
                break;
            case PhoneKey.Contacts:
                OpenPhonebook();
                break;
            case PhoneKey.Messages:
                OpenMessages();
                break;
        }
    }

    /// <summary>
    /// Lifting the handset on these screens calls what is highlighted, as desk phones dial a
    /// directory entry on going off-hook; with nothing to call it gives dial tone as on idle.
    /// </summary>
    private void OnDirectoryOffHook()
    {
        var number = View.DirectoryScreen switch
        {
            HistoryListScreen { Prompt: HistoryPrompt.None, Calls.Count: > 0 } list => list.Calls[list.Selected].Number,
            CallDetailScreen detail => detail.Call.Number,
            PhonebookListScreen { Current: { } contact } => ContactEntry.Of(contact).FirstOrDefault()?.Dial,
            ContactScreen contact => contact.Entries.ElementAtOrDefault(contact.Selected)?.Dial,
            _ => null,
        };
        if (number is null)
        {
            StartDialing();
        }
        else
        {
            PlaceCall(number);
        }
    }
}
