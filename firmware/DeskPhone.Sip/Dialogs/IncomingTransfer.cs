using DeskPhone.Sip.Messages;

namespace DeskPhone.Sip.Dialogs;

/// <summary>
/// The peer asked us to call someone else (an in-dialog REFER, RFC 3515). The phone places the new
/// call and reports its progress with <see cref="Report"/>, which sends the NOTIFYs the referrer
/// follows. Every member runs on the signalling loop.
/// </summary>
public sealed class IncomingTransfer
{
    private readonly SipCall call;

    internal IncomingTransfer(SipCall call, string target, string? replaces, string? referredBy)
    {
        this.call = call;
        Target = target;
        Replaces = replaces;
        ReferredBy = referredBy;
    }

    /// <summary>The URI to call, without its header part.</summary>
    public string Target { get; }

    /// <summary>The Replaces value to put in the new INVITE (attended transfer, RFC 3891), if any.</summary>
    public string? Replaces { get; }

    public string? ReferredBy { get; }

    public bool Finished { get; private set; }

    /// <summary>Reports the new call's status (sipfrag); a status of 200 or more ends the subscription.</summary>
    public void Report(int statusCode, string reason)
    {
        if (Finished)
        {
            return;
        }

        Finished = statusCode >= 200;
        call.SendReferNotify(statusCode, reason, Finished);
    }

    /// <summary>Splits a Refer-To value into the target URI and its Replaces header (RFC 3515 §2.1, RFC 3891 §3).</summary>
    internal static bool TryParseReferTo(string? value, out string target, out string? replaces)
    {
        target = string.Empty;
        replaces = null;
        if (!NameAddress.TryParse(value, out var address))
        {
            return false;
        }

        var uri = address.Uri;
        var question = uri.IndexOf('?');
        target = question < 0 ? uri : uri[..question];
        if (question >= 0)
        {
            foreach (var header in uri[(question + 1)..].Split('&'))
            {
                var eq = header.IndexOf('=');
                if (eq > 0 && header[..eq].Equals("Replaces", StringComparison.OrdinalIgnoreCase))
                {
                    replaces = Uri.UnescapeDataString(header[(eq + 1)..]);
                }
            }
        }

        return SipUri.TryParse(target, out _);
    }
}
