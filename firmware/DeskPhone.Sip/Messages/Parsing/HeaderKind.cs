namespace DeskPhone.Sip.Messages.Parsing;

/// <summary>The headers whose grammar the parser checks; every other header is kept opaque.</summary>
internal enum HeaderKind : byte
{
    Other,
    Via,
    From,
    To,
    CallId,
    CSeq,
    Contact,
    MaxForwards,
    ContentLength,
    ContentType,
    Route,
    RecordRoute,
    Date,
    Expires,
    Require,
    ProxyRequire,
    Supported,
    Unsupported,
    Allow,
}
