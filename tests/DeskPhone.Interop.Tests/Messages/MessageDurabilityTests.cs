using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using DeskPhone.Phone.Messages;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace DeskPhone.Interop.Tests.Messages;

/// <summary>
/// The store's promise under power cuts: the firmware runs as its own process and is killed with
/// SIGKILL at random moments while a sender (this test, over UDP, as a PBX would) keeps sending
/// MESSAGEs and retransmitting those without a final answer (RFC 3261 §17.1.2). Every message that
/// got a 200 OK must be in messages.db afterwards, exactly once, even those retransmitted to the
/// restarted phone after their 200.
/// </summary>
public sealed class MessageDurabilityTests(ITestOutputHelper output) : IDisposable
{
    private const int Messages = 200;
    private const int Kills = 6;
    private const int Window = 8;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(50);
    private static readonly TimeSpan Retransmit = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan NewMessageEvery = TimeSpan.FromMilliseconds(10);

    private readonly string work = Directory.CreateTempSubdirectory("deskphone-durability-").FullName;
    private readonly Socket sender = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);

    public void Dispose()
    {
        sender.Dispose();
        Directory.Delete(work, recursive: true);
    }

    [Fact]
    public void MessagesAnswered200_SurviveSigkillAtRandomMoments_StoredExactlyOnce()
    {
        var firmware = FirmwareProcess.Path();
        Assert.True(File.Exists(firmware), $"{firmware} is missing: build the solution first (make build)");
        var seed = Environment.TickCount;
        output.WriteLine($"random seed {seed}");
        var random = new Random(seed);
        sender.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var phone = new IPEndPoint(IPAddress.Loopback, FreeUdpPort());
        var config = WriteConfiguration(phone.Port);

        // Per message: answered 200; a late copy resent to a restarted phone after its 200, and its answer.
        var answered = new bool[Messages];
        var late = new LateCopy[Messages];
        var nextSend = new long[Messages];
        var started = 0;
        var kills = 0;
        var clock = TimeProvider.System;
        var begin = clock.GetTimestamp();
        var lastNew = begin;
        var running = FirmwareProcess.Start(firmware, config);
        var answeredThisRun = 0;
        long? killAt = null;
        try
        {
            while (!(answered.All(a => a) && late.All(l => l != LateCopy.Sent)) && clock.GetElapsedTime(begin) < Deadline)
            {
                var now = clock.GetTimestamp();
                if (started < Messages && started - answered.Count(a => a) < Window && clock.GetElapsedTime(lastNew) >= NewMessageEvery)
                {
                    Send(started, phone);
                    nextSend[started++] = now + Ticks(Retransmit);
                    lastNew = now;
                }

                for (var i = 0; i < started; i++)
                {
                    if ((!answered[i] || late[i] == LateCopy.Sent) && now >= nextSend[i])
                    {
                        Send(i, phone);
                        nextSend[i] = now + Ticks(Retransmit);
                    }
                }

                if (ReceiveOk() is { } ok)
                {
                    if (!answered[ok])
                    {
                        answered[ok] = true;
                        answeredThisRun++;
                    }
                    else if (late[ok] == LateCopy.Sent)
                    {
                        late[ok] = LateCopy.Answered;
                    }
                }

                // Kill mid-stream: a random moment after this run answered its first message.
                if (kills < Kills && answeredThisRun > 0 && killAt is null)
                {
                    killAt = now + Ticks(TimeSpan.FromMilliseconds(random.Next(0, 300)));
                }

                if (killAt is { } due && now >= due)
                {
                    running.Kill();
                    running.Dispose();
                    kills++;
                    killAt = null;
                    answeredThisRun = 0;
                    ResendSomeAnswered(answered, late, nextSend);
                    running = FirmwareProcess.Start(firmware, config);
                }
            }

            output.WriteLine($"{kills} kills, {answered.Count(a => a)} answered, {late.Count(l => l == LateCopy.Answered)} late copies answered, {clock.GetElapsedTime(begin).TotalSeconds:0.0} s");
            Assert.True(answered.All(a => a), $"not every message was answered within {Deadline.TotalSeconds} s; firmware output:{Environment.NewLine}{running.Tail}");
            Assert.DoesNotContain(LateCopy.Sent, late);
            Assert.Equal(Kills, kills);
            Assert.True(running.Quit(TimeSpan.FromSeconds(10)), "the firmware did not quit cleanly: " + running.Tail);
        }
        finally
        {
            running.Dispose();
        }

        var stored = ReadStore();
        for (var i = 0; i < Messages; i++)
        {
            Assert.True(stored.TryGetValue(SipId(i), out var row), $"message {i} was answered 200 but is not in the store");
            Assert.Equal((1, Body(i)), row);
        }

        Assert.Equal(Messages, stored.Count);
    }

    /// <summary>One in ten already answered messages is sent again, as a sender that missed the 200 would.</summary>
    private static void ResendSomeAnswered(bool[] answered, LateCopy[] late, long[] nextSend)
    {
        for (var i = 0; i < answered.Length; i += 10)
        {
            if (answered[i] && late[i] == LateCopy.None)
            {
                late[i] = LateCopy.Sent;
                nextSend[i] = 0;
            }
        }
    }

    /// <summary>Each stored SIP identity with how many rows carry it and the text of the first.</summary>
    private Dictionary<string, (int Count, string Body)> ReadStore()
    {
        var path = Path.Combine(work, "data", MessageStore.FileName);
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT sip_id, COUNT(*), MIN(body) FROM messages GROUP BY sip_id";
        using var reader = command.ExecuteReader();
        var rows = new Dictionary<string, (int, string)>();
        while (reader.Read())
        {
            rows[reader.GetString(0)] = (reader.GetInt32(1), reader.GetString(2));
        }

        return rows;
    }

    private void Send(int index, IPEndPoint phone)
    {
        var body = Encoding.UTF8.GetBytes(Body(index));
        var port = ((IPEndPoint)sender.LocalEndPoint!).Port;
        var request = Encoding.ASCII.GetBytes(
            $"MESSAGE sip:101@127.0.0.1:{phone.Port} SIP/2.0\r\n" +
            $"Via: SIP/2.0/UDP 127.0.0.1:{port};branch=z9hG4bKdur{index};rport\r\n" +
            "Max-Forwards: 70\r\n" +
            "From: <sip:200@127.0.0.1>;tag=dur\r\n" +
            "To: <sip:101@127.0.0.1>\r\n" +
            $"Call-ID: dur-{index}@test\r\n" +
            "CSeq: 1 MESSAGE\r\n" +
            "Content-Type: text/plain;charset=UTF-8\r\n" +
            $"Content-Length: {body.Length}\r\n\r\n");
        sender.SendTo([.. request, .. body], phone);
    }

    /// <summary>Waits up to 5 ms for a datagram; the message index of a 200 OK to one of ours, or null.</summary>
    private int? ReceiveOk()
    {
        if (!sender.Poll(5_000, SelectMode.SelectRead))
        {
            return null;
        }

        var buffer = new byte[4096];
        EndPoint from = new IPEndPoint(IPAddress.Any, 0);
        int length;
        try
        {
            length = sender.ReceiveFrom(buffer, ref from);
        }
        catch (SocketException)
        {
            // An ICMP error from a port that was closed while the phone restarted.
            return null;
        }

        // Everything else (the phone's REGISTERs, provisional answers) is ignored.
        var text = Encoding.ASCII.GetString(buffer, 0, length);
        const string marker = "Call-ID: dur-";
        var at = text.IndexOf(marker, StringComparison.Ordinal);
        if (!text.StartsWith("SIP/2.0 200 ", StringComparison.Ordinal) || at < 0)
        {
            return null;
        }

        var end = text.IndexOf('@', at);
        return int.Parse(text.AsSpan(at + marker.Length, end - at - marker.Length), CultureInfo.InvariantCulture);
    }

    /// <summary>A phone that needs no PBX for this: MESSAGE is taken whether or not it is registered.</summary>
    private string WriteConfiguration(int port)
    {
        var path = Path.Combine(work, "deskphone.json");
        var registrar = (IPEndPoint)sender.LocalEndPoint!;
        File.WriteAllText(path, $$"""
            {
              "Account": { "Extension": "101", "Password": "pw101" },
              "Sip": { "Registrar": "127.0.0.1:{{registrar.Port}}", "ListenAddress": "127.0.0.1", "ListenPort": {{port}} },
              "Hal": { "Kind": "Simulator" },
              "Simulator": { "CaptureSource": "Silence", "PlaybackSink": "None" },
              "Storage": { "DataDirectory": "data" }
            }
            """);
        return path;
    }

    private static string SipId(int index) => $"dur-{index}@test|1|dur";

    private static string Body(int index) => $"durable message {index}";

    private static long Ticks(TimeSpan span) => (long)(span.TotalSeconds * TimeProvider.System.TimestampFrequency);

    private static int FreeUdpPort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    private enum LateCopy
    {
        None,
        Sent,
        Answered,
    }
}
