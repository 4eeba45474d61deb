using DeskPhone.Hal;
using DeskPhone.Hal.Simulator;

namespace DeskPhone.Interop.Tests.Phone;

/// <summary>What a user types on the simulated keypad for the phone's common tasks.</summary>
internal static class KeypadActions
{
    /// <summary>Messages key, New, the extension, Send, the text's multi-tap keys, Send.</summary>
    public static void WriteMessage(SimulatedKeypad keys, string extension, string textKeys)
    {
        keys.Press(PhoneKey.Messages);
        keys.Press(PhoneKey.Soft2);
        keys.Type(extension);
        keys.Press(PhoneKey.Send);
        keys.Type(textKeys);
        keys.Press(PhoneKey.Send);
    }
}
