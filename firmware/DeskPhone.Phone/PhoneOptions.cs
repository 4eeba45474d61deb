using System.ComponentModel.DataAnnotations;

namespace DeskPhone.Phone;

/// <summary>Behaviour of the phone logic; bound from the "Phone" configuration section.</summary>
public sealed class PhoneOptions
{
    public const string Section = "Phone";

    /// <summary>After this long without a new digit, the number typed so far is dialled.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:00:30")]
    public TimeSpan InterDigitTimeout { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>How long the "call ended" screen stays before the idle screen returns.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:30")]
    public TimeSpan EndedScreenTime { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Longest number the dialler accepts.</summary>
    [Range(1, 64)]
    public int MaxDialDigits { get; set; } = 32;

    /// <summary>Who carries out `*2` + extension during a call (user guide, "con offerta").</summary>
    public TransferMode TransferMode { get; set; } = TransferMode.Local;

    /// <summary>In <see cref="TransferMode.Local"/>: `2` must follow `*` within this time, else `*` goes to the far end as a digit.</summary>
    [Range(typeof(TimeSpan), "00:00:00.200", "00:00:05")]
    public TimeSpan TransferPrefixTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The transfer extension is complete after this long without a new digit (or on `#` / Send).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:00:30")]
    public TimeSpan TransferDigitTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>An attended transfer's consultation call that is not answered in this time ends, and the caller is back.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:05:00")]
    public TimeSpan ConsultationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the phone follows a transfer (REFER and its NOTIFYs) before calling it failed.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:05:00")]
    public TimeSpan TransferOutcomeTimeout { get; set; } = TimeSpan.FromSeconds(32);

    /// <summary>A second incoming call during a call is announced (call waiting); off: it gets 486 Busy Here.</summary>
    public bool CallWaiting { get; set; } = true;

    /// <summary>What a caller gets while Do Not Disturb is on.</summary>
    public DoNotDisturbAnswer DoNotDisturbAnswer { get; set; } = DoNotDisturbAnswer.BusyHere;

    /// <summary>The language of every text on the display: <c>It</c> (the default) or <c>En</c>.</summary>
    [EnumDataType(typeof(DisplayLanguage))]
    public DisplayLanguage Language { get; set; } = DisplayLanguage.It;
}

/// <summary>How `*2` + extension during a call is carried out.</summary>
public enum TransferMode
{
    /// <summary>The phone holds the call, calls the extension, and transfers with REFER/Replaces when the user hangs up.</summary>
    Local,

    /// <summary>The keys go to the far end as RFC 4733 digits and the PBX's feature code does the transfer.</summary>
    Pbx,
}

/// <summary>The final response to calls refused by Do Not Disturb.</summary>
public enum DoNotDisturbAnswer
{
    /// <summary>486 Busy Here: the caller hears busy; a PBX may divert on busy.</summary>
    BusyHere,

    /// <summary>480 Temporarily Unavailable: as if the phone were away.</summary>
    TemporarilyUnavailable,
}

/// <summary>The languages the display speaks.</summary>
public enum DisplayLanguage
{
    /// <summary>Italian, the words of the user guide ("Trasferimento", "con offerta", "Rubrica").</summary>
    It,

    En,
}
