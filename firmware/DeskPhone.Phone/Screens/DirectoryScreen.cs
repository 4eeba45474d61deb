namespace DeskPhone.Phone.Screens;

/// <summary>
/// What one of the call history or phonebook screens shows, as part of <see cref="PhoneView"/>
/// while the mode is <see cref="PhoneMode.History"/> or <see cref="PhoneMode.Contacts"/>.
/// <see cref="Parent"/> is where Back returns to; none means the idle screen.
/// </summary>
public abstract record DirectoryScreen
{
    public DirectoryScreen? Parent { get; init; }
}
