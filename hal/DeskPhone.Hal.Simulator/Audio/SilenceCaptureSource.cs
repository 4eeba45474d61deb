namespace DeskPhone.Hal.Simulator;

internal sealed class SilenceCaptureSource : IAudioCaptureSource
{
    // REAL-TIME: no allocation, no lock, no logging
    public void Read(Span<short> frame) => frame.Clear();
}
