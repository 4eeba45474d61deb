namespace DeskPhone.Interop.Tests.Peers;

/// <summary>baresip's reply to one ctrl_tcp command: whether it succeeded and the text it printed.</summary>
internal readonly record struct BaresipResponse(bool Ok, string Data);
