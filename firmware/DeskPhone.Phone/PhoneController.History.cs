using DeskPhone.Hal;
using DeskPhone.Phone.History;
using DeskPhone.Phone.Screens;

namespace DeskPhone.Phone;

/// <summary>
/// The call history screens: the list, newest first, and one call in full. Send (or Call) calls
/// back, Msg writes to the number, Del deletes one call or, after a second question, all of them.
/// Opening the list marks missed calls seen, which clears the idle count and the LED.
/// </summary>
public sealed partial class PhoneController
{
    private void OpenHistory()
    {
        endedTimer?.Dispose();
        History.MarkMissedSeen();
        ShowDirectory(HistoryList(0));
    }

    private HistoryListScreen HistoryList(int selected)
    {
        var calls = History.Records.ToArray();
        return new HistoryListScreen(calls, Math.Clamp(selected, 0, Math.Max(0, calls.Length - 1)));
    }

    private void OnHistoryKey(PhoneKey key)
    {
        switch (View.DirectoryScreen)
        {
            case HistoryListScreen { Prompt: HistoryPrompt.None } list:
                OnHistoryListKey(list, key);
                break;
            case HistoryListScreen prompt:
                OnHistoryPromptKey(prompt, key);
                break;
            case CallDetailScreen detail:
                OnCallDetailKey(detail, key);
                break;
        }
    }

    private void OnHistoryListKey(HistoryListScreen list, PhoneKey key)
    {
        var any = list.Calls.Count > 0;
        switch (key)
        {
            case PhoneKey.Up when any:
                ShowDirectory(list with { Selected = Math.Max(0, list.Selected - 1) });
                break;
            case PhoneKey.Down when any:
                ShowDirectory(list with { Selected = Math.Min(list.Calls.Count - 1, list.Selected + 1) });
                break;
            case PhoneKey.Ok when any:
                ShowDirectory(new CallDetailScreen(list.Calls[list.Selected]) { Parent = list });
                break;
            case PhoneKey.Soft1 or PhoneKey.Send when any:
                PlaceCall(list.Calls[list.Selected].Number);
                break;
            case PhoneKey.Soft2 when any:
                WriteTo(list.Calls[list.Selected]);
                break;
            case PhoneKey.Soft3 when any:
                ShowDirectory(list with { Prompt = HistoryPrompt.DeleteOne });
                break;
            case PhoneKey.Soft4 or PhoneKey.Back:
                Back(list);
                break;
            case var other when other.DialChar() is { } digit:
                // As on the idle screen, digits start dialling.
                StartDialing();
                AddDigit(digit);
                break;
            default:
                OnDirectorySwitchKey(key);
                break;
        }
    }

    private void OnHistoryPromptKey(HistoryListScreen prompt, PhoneKey key)
    {
        switch (key)
        {
            case PhoneKey.Soft1 or PhoneKey.Ok when prompt.Prompt == HistoryPrompt.DeleteOne:
                History.Remove(prompt.Calls[prompt.Selected]);
                ShowDirectory(HistoryList(prompt.Selected));
                break;
            case PhoneKey.Soft1 or PhoneKey.Ok:
                History.Clear();
                ShowDirectory(HistoryList(0));
                break;
            case PhoneKey.Soft2 when prompt.Prompt == HistoryPrompt.DeleteOne:
                ShowDirectory(prompt with { Prompt = HistoryPrompt.DeleteAll });
                break;
            case PhoneKey.Soft4 or PhoneKey.Back:
                ShowDirectory(prompt with { Prompt = HistoryPrompt.None });
                break;
        }
    }

    private void OnCallDetailKey(CallDetailScreen detail, PhoneKey key)
    {
        switch (key)
        {
            case PhoneKey.Soft1 or PhoneKey.Send or PhoneKey.Ok:
                PlaceCall(detail.Call.Number);
                break;
            case PhoneKey.Soft2:
                WriteTo(detail.Call);
                break;
            case PhoneKey.Soft4 or PhoneKey.Back:
                Back(detail);
                break;
            default:
                OnDirectorySwitchKey(key);
                break;
        }
    }

    private void WriteTo(CallRecord call) => StartCompose(call.Number, NameOf(call.Number, call.Name), parent: null);
}
