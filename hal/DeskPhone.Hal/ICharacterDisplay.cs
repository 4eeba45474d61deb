namespace DeskPhone.Hal;

/// <summary>A character LCD (20×4 on the reference hardware).</summary>
public interface ICharacterDisplay
{
    int Columns { get; }

    int Rows { get; }

    /// <summary>
    /// Shows a whole screen: one string per row, each already cut or padded to
    /// <see cref="Columns"/>. Implementations redraw only what changed. THREAD: called only from
    /// the phone loop.
    /// </summary>
    void Show(IReadOnlyList<string> lines);

    void SetBacklight(bool on);
}
