using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace DeskPhone.Sip.Tests.Agent;

/// <summary>
/// A tiny authoritative DNS server on 127.0.0.1 (RFC 1035 §4 wire format, RFC 2782 SRV data),
/// answering from a table, so the resolver is tested over real DNS bytes. Names without records
/// get NXDOMAIN; every question asked is recorded. Answers go out from a background task.
/// </summary>
internal sealed class LoopbackDnsServer : IDisposable
{
    public const ushort A = 1;
    public const ushort Aaaa = 28;
    public const ushort Srv = 33;

    private readonly UdpClient socket = new(new IPEndPoint(IPAddress.Loopback, 0));
    private readonly List<Record> records = [];
    private readonly List<(string Name, ushort Type)> questions = [];
    private readonly CancellationTokenSource stopping = new();
    private readonly Task serving;

    public LoopbackDnsServer() => serving = Task.Run(ServeAsync);

    public IPEndPoint EndPoint => (IPEndPoint)socket.Client.LocalEndPoint!;

    /// <summary>When true, an SRV answer also carries its targets' A records in the additional section.</summary>
    public bool SendAdditionals { get; set; }

    public IReadOnlyList<(string Name, ushort Type)> Questions
    {
        get
        {
            lock (questions)
            {
                return questions.ToList();
            }
        }
    }

    public void AddA(string name, string address, uint ttl = 300) =>
        Add(new Record(name, A, ttl, IPAddress.Parse(address).GetAddressBytes()));

    public void AddAaaa(string name, string address, uint ttl = 300) =>
        Add(new Record(name, Aaaa, ttl, IPAddress.Parse(address).GetAddressBytes()));

    public void AddSrv(string name, ushort priority, ushort weight, ushort port, string target, uint ttl = 300)
    {
        var data = new List<byte>();
        foreach (var value in new[] { priority, weight, port })
        {
            data.Add((byte)(value >> 8));
            data.Add((byte)value);
        }

        data.AddRange(EncodeName(target));
        Add(new Record(name, Srv, ttl, [.. data], target));
    }

    public void Dispose()
    {
        stopping.Cancel();
        socket.Dispose();
        serving.Wait(TimeSpan.FromSeconds(2));
    }

    private void Add(Record record)
    {
        lock (records)
        {
            records.Add(record);
        }
    }

    private async Task ServeAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            UdpReceiveResult query;
            try
            {
                query = await socket.ReceiveAsync(stopping.Token);
            }
            catch (Exception) when (stopping.IsCancellationRequested)
            {
                return;
            }

            if (Answer(query.Buffer) is { } answer)
            {
                await socket.SendAsync(answer, query.RemoteEndPoint);
            }
        }
    }

    private byte[]? Answer(byte[] query)
    {
        if (query.Length < 12 || BinaryPrimitives.ReadUInt16BigEndian(query.AsSpan(4)) != 1)
        {
            return null;
        }

        var offset = 12;
        var name = ReadName(query, ref offset);
        var type = BinaryPrimitives.ReadUInt16BigEndian(query.AsSpan(offset));
        var questionEnd = offset + 4;
        lock (questions)
        {
            questions.Add((name, type));
        }

        List<Record> answers, additionals;
        bool known;
        lock (records)
        {
            known = records.Any(r => Same(r.Name, name));
            answers = records.Where(r => Same(r.Name, name) && r.Type == type).ToList();
            additionals = SendAdditionals
                ? records.Where(r => r.Type == A && answers.Any(answer => answer.Target is { } target && Same(target, r.Name))).ToList()
                : [];
        }

        var response = new List<byte>(query[..2]);
        var rcode = known ? 0 : 3;
        response.AddRange([0x84, (byte)(0x80 | rcode)]);
        response.AddRange([0, 1, (byte)(answers.Count >> 8), (byte)answers.Count, 0, 0, (byte)(additionals.Count >> 8), (byte)additionals.Count]);
        response.AddRange(query[12..questionEnd]);
        foreach (var record in answers.Concat(additionals))
        {
            response.AddRange(EncodeName(record.Name));
            response.AddRange([(byte)(record.Type >> 8), (byte)record.Type, 0, 1]);
            response.AddRange([(byte)(record.Ttl >> 24), (byte)(record.Ttl >> 16), (byte)(record.Ttl >> 8), (byte)record.Ttl]);
            response.AddRange([(byte)(record.Data.Length >> 8), (byte)record.Data.Length]);
            response.AddRange(record.Data);
        }

        return [.. response];
    }

    private static string ReadName(byte[] message, ref int offset)
    {
        var labels = new List<string>();
        while (message[offset] != 0)
        {
            var length = message[offset];
            labels.Add(Encoding.ASCII.GetString(message, offset + 1, length));
            offset += length + 1;
        }

        offset++;
        return string.Join('.', labels);
    }

    private static byte[] EncodeName(string name)
    {
        var bytes = new List<byte>();
        foreach (var label in name.TrimEnd('.').Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            bytes.Add((byte)label.Length);
            bytes.AddRange(Encoding.ASCII.GetBytes(label));
        }

        bytes.Add(0);
        return [.. bytes];
    }

    private static bool Same(string a, string b) => string.Equals(a.TrimEnd('.'), b.TrimEnd('.'), StringComparison.OrdinalIgnoreCase);

    private sealed record Record(string Name, ushort Type, uint Ttl, byte[] Data, string? Target = null);
}
