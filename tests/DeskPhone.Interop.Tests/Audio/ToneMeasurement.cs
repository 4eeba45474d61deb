namespace DeskPhone.Interop.Tests.Audio;

/// <summary>
/// What <see cref="ToneAnalysis.MeasureLoudestWindow"/> found in the loudest analysis window.
/// </summary>
/// <param name="FrequencyHz">Frequency of the strongest spectral peak; NaN when the window is silent.</param>
/// <param name="LevelDbfs">RMS level of the window in dBFS (full-scale square wave = 0 dBFS); -∞ for digital silence.</param>
/// <param name="Purity">Share (0..1) of the window's power that lies in that peak: near 1 for a pure tone, near 0 for noise.</param>
internal readonly record struct ToneMeasurement(double FrequencyHz, double LevelDbfs, double Purity);
