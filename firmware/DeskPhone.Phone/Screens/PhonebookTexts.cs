using DeskPhone.Phone.Contacts;

namespace DeskPhone.Phone.Screens;

/// <summary>Every word the phonebook screens show, in one place for translation.</summary>
internal static class PhonebookTexts
{
    public const string Title = "Contacts";
    public const string Find = "Find: ";
    public const string Empty = "No contacts";
    public const string NoMatch = "No match";
    public const string Unavailable = "Contacts unavailable";
    public const string StorageError = "(storage error)";
    public const string Reset = "File damaged: reset";
    public const string Call = "Call";
    public const string Message = "Msg";
    public const string Back = "Back";

    /// <summary>What the line is: the extension on our PBX, or the vCard-style kind of a number.</summary>
    public static string Label(NumberLabel? label) => label switch
    {
        null => "Ext",
        NumberLabel.Mobile => "Mobile",
        NumberLabel.Home => "Home",
        _ => "Work",
    };
}
