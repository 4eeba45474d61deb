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
    public const string Require = "Require";
    public const string ProxyRequire = "Proxy-Require";
    public const string Unsupported = "Unsupported";
    public const string Date = "Date";
    public const string Subject = "Subject";
    public const string ContentEncoding = "Content-Encoding";
    public const string ContentDisposition = "Content-Disposition";
    public const string AcceptEncoding = "Accept-Encoding";
    public const string Warning = "Warning";
    public const string Server = "Server";
    public const string RetryAfter = "Retry-After";
    public const string MinExpires = "Min-Expires";
    public const string Event = "Event";
    public const string AllowEvents = "Allow-Events";
    public const string ReferTo = "Refer-To";
    public const string ReferredBy = "Referred-By";
    public const string SessionExpires = "Session-Expires";
    public const string MinSessionExpires = "Min-SE";

    /// <summary>Expands a compact form and normalises the case of well-known names; others stay as written.</summary>
    public static string Canonical(ReadOnlySpan<char> name) => Parsing.KnownHeaders.Canonical(name) ?? name.ToString();
}
