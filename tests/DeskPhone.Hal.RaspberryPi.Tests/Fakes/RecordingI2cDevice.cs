using System.Device.I2c;

namespace DeskPhone.Hal.RaspberryPi.Tests;

/// <summary>An I²C device that records every byte written to it, in order.</summary>
internal sealed class RecordingI2cDevice(int address = 0x27) : I2cDevice
{
    private readonly Lock _lock = new();
    private readonly List<byte> _written = [];

    public override I2cConnectionSettings ConnectionSettings { get; } = new(1, address);

    /// <summary>When set, the next write throws this once, as the bus does when the device stops answering.</summary>
    public IOException? FailNextWrite { get; set; }

    public bool Disposed { get; private set; }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _written.Count;
            }
        }
    }

    /// <summary>The bytes written since <paramref name="start"/>.</summary>
    public byte[] Since(int start)
    {
        lock (_lock)
        {
            return _written.Skip(start).ToArray();
        }
    }

    public override byte ReadByte() => throw new NotSupportedException("The PCF8574 backpack is only written.");

    public override void Read(Span<byte> buffer) => throw new NotSupportedException("The PCF8574 backpack is only written.");

    public override void WriteByte(byte value) => Write([value]);

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (FailNextWrite is IOException failure)
        {
            FailNextWrite = null;
            throw failure;
        }

        lock (_lock)
        {
            _written.AddRange(buffer.ToArray());
        }
    }

    public override void WriteRead(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer) =>
        throw new NotSupportedException("The PCF8574 backpack is only written.");

    protected override void Dispose(bool disposing)
    {
        Disposed = true;
        base.Dispose(disposing);
    }
}
