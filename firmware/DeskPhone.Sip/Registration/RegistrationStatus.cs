namespace DeskPhone.Sip.Registration;

public enum RegistrationPhase
{
    Unregistered,
    Registering,
    Registered,
    Failed,
}

/// <summary>
/// What the phone shows about its registration. <see cref="StatusCode"/> and <see cref="Reason"/>
/// say why it failed; <see cref="RetryAt"/> when it tries again.
/// </summary>
public sealed record RegistrationStatus(RegistrationPhase Phase, int? StatusCode = null, string? Reason = null, DateTimeOffset? ExpiresAt = null, DateTimeOffset? RetryAt = null)
{
    public static readonly RegistrationStatus Initial = new(RegistrationPhase.Unregistered);
}
