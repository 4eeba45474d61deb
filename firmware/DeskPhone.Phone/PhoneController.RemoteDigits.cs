using DeskPhone.Phone.Calls;
using DeskPhone.Sip.Dialogs;
using Microsoft.Extensions.Logging;

namespace DeskPhone.Phone;

/// <summary>
/// Keys the far end presses, whether it sends them as RFC 4733 telephone-events or in SIP INFO
/// requests: played in the earpiece of the call on the handset, as a line that carried the tones
/// in-band would let the user hear them. A held or waiting call's keys are not played.
/// </summary>
public sealed partial class PhoneController
{
    private void WatchRemoteDigits(CallLeg leg)
    {
        // Raised on the media's receive thread: only hand the digit over to the loop.
        leg.Media.DigitReceived += digit => loop.Post(() => OnRemoteDigit(leg, digit, "telephone-event"));
        leg.Sip.DtmfReceived += (_, info) => OnRemoteDigit(leg, info.Digit, "INFO");
    }

    private void OnRemoteDigit(CallLeg leg, char digit, string carrier)
    {
        var heard = leg == current && leg.ConnectedAt is not null && !leg.HeldByUs && View.OffHook;
        logger.LogDebug("Far end of {Number} pressed {Digit} ({Carrier}){Played}", leg.Number, digit, carrier, heard ? string.Empty : ", not played");
        if (heard)
        {
            audio.PlayRemoteDigit(digit);
        }
    }
}
