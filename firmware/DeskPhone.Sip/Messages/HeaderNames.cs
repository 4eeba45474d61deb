namespace DeskPhone.Sip.Messages;

/// <summary>Canonical header names and the compact forms of RFC 3261 §7.3.3 (and RFC 3515, 4028).</summary>
public static class HeaderNames
{
    public const string Via = "Via";
    public const string From = "From";
    public const string To = "To";
    public const string CallId = "Call-ID";
    public const string CSeq = "CSeq";
    public const string Contact = "Contact";
    public const string MaxForwards = "Max-Forwards";
    public const string ContentType = "Content-Type";
    public const string ContentLength = "Content-Length";
    public const string Route = "Route";
    public const string RecordRoute = "Record-Route";
    public const string Expires = "Expires";
    public const string UserAgent = "User-Agent";
    public const string Allow = "Allow";
    public const string Supported = "Supported";
    public const string Accept = "Accept";
    public const string WwwAuthenticate = "WWW-Authenticate";
    public const string ProxyAuthenticate = "Proxy-Authenticate";
    public const string Authorization = "Authorization";
    public const string ProxyAuthorization = "Proxy-Authorization";

    /// <summary>Expands a compact form and normalises the case of well-known names.</summary>
    public static string Canonical(ReadOnlySpan<char> name)
    {
        if (name.Length == 1)
        {
            switch (char.ToLowerInvariant(name[0]))
            {
                case 'v': return Via;
                case 'f': return From;
                case 't': return To;
                case 'i': return CallId;
                case 'm': return Contact;
                case 'c': return ContentType;
                case 'l': return ContentLength;
                case 'e': return "Content-Encoding";
                case 's': return "Subject";
                case 'k': return Supported;
                case 'r': return "Refer-To";
                case 'b': return "Referred-By";
                case 'o': return "Event";
                case 'u': return "Allow-Events";
                case 'x': return "Session-Expires";
            }
        }

        foreach (var known in Known)
        {
            if (name.Equals(known, StringComparison.OrdinalIgnoreCase))
            {
                return known;
            }
        }

        return name.ToString();
    }

    private static readonly string[] Known =
    [
        Via, From, To, CallId, CSeq, Contact, MaxForwards, ContentType, ContentLength, Route,
        RecordRoute, Expires, UserAgent, Allow, Supported, Accept, WwwAuthenticate, ProxyAuthenticate,
        Authorization, ProxyAuthorization,
    ];
}
