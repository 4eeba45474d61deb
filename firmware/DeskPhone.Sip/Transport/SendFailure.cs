using System.Net;

namespace DeskPhone.Sip.Transport;

/// <summary>
/// A message a connection-oriented transport could not put on the network, and why: its
/// connection could not be opened (refused, unreachable, timed out) or closed before the message
/// was written. RFC 3261 §18.1.1 has the transport report this to the transaction, which treats
/// it as a 503 (§8.1.3.1, §17.1.4).
/// </summary>
/// <param name="Destination">Where the message was to go.</param>
/// <param name="Message">The message's bytes as given to <see cref="ISipTransport.Send"/>.</param>
/// <param name="Reason">Why it was not sent (a socket error name, "connect timed out", …), for the log.</param>
public readonly record struct SendFailure(IPEndPoint Destination, ReadOnlyMemory<byte> Message, string Reason);
