namespace DeskPhone.Sip.Messages;

/// <summary>One header line: the canonical (long-form) name and its raw value.</summary>
public readonly record struct SipHeader(string Name, string Value);
