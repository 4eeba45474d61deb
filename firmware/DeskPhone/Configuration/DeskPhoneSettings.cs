using System.Net;
using DeskPhone.Hal.Simulator;
using DeskPhone.Phone;
using DeskPhone.Phone.Messages;
using DeskPhone.Sip.Agent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace DeskPhone.Configuration;

/// <summary>
/// Every configuration section, bound and validated once at start. A bad or unknown key stops
/// start-up with a message naming it ("Sip:ListenPort: …").
/// </summary>
public sealed record DeskPhoneSettings
{
    public required AccountOptions Account { get; init; }

    public required SipOptions Sip { get; init; }

    public required RtpOptions Rtp { get; init; }

    public required HalOptions Hal { get; init; }

    /// <summary>The handset audio path ("Audio" section); defaults when absent.</summary>
    public HandsetAudioOptions Audio { get; init; } = new();

    public required StorageOptions Storage { get; init; }

    public required PhoneOptions Phone { get; init; }

    /// <summary>Text messages ("Messages" section); defaults when absent.</summary>
    public MessagesOptions Messages { get; init; } = new();

    public required SimulatorOptions Simulator { get; init; }

    /// <summary>The registrar as read from <see cref="SipOptions.Registrar"/>; located by the SIP layer (RFC 3263), never here.</summary>
    public required ServerAddress Registrar { get; init; }

    /// <summary>The outbound proxy read from <see cref="SipOptions.OutboundProxy"/>; null when none.</summary>
    public ServerAddress? OutboundProxy { get; init; }

    /// <summary>The DNS servers of <see cref="SipOptions.DnsServers"/>; empty for the system's.</summary>
    public IReadOnlyList<IPEndPoint> DnsServers { get; init; } = [];

    public string Domain => string.IsNullOrWhiteSpace(Account.Domain) ? Registrar.UriHost : Account.Domain;

    public static (DeskPhoneSettings? Settings, IReadOnlyList<string> Errors) Load(IConfiguration configuration)
    {
        var errors = new List<string>();
        // Each Get<T> names its type, so the configuration binding source generator replaces it with
        // reflection-free code (Native AOT); the validators are source-generated for the same reason.
        var account = Bind(configuration, AccountOptions.Section, errors, static values => values.Get<AccountOptions>(Strict), new AccountOptionsValidator());
        var sip = Bind(configuration, SipOptions.Section, errors, static values => values.Get<SipOptions>(Strict), new SipOptionsValidator());
        var rtp = Bind(configuration, RtpOptions.Section, errors, static values => values.Get<RtpOptions>(Strict), new RtpOptionsValidator());
        var hal = Bind(configuration, HalOptions.Section, errors, static values => values.Get<HalOptions>(Strict), null);
        var audio = Bind(configuration, HandsetAudioOptions.Section, errors, static values => values.Get<HandsetAudioOptions>(Strict), new HandsetAudioOptionsValidator());
        var storage = Bind(configuration, StorageOptions.Section, errors, static values => values.Get<StorageOptions>(Strict), new StorageOptionsValidator());
        var phone = Bind(configuration, PhoneOptions.Section, errors, static values => values.Get<PhoneOptions>(Strict), new PhoneOptionsValidator());
        var messages = Bind(configuration, MessagesOptions.Section, errors, static values => values.Get<MessagesOptions>(Strict), new MessagesOptionsValidator());
        var simulator = Bind(configuration, SimulatorOptions.SectionName, errors, static values => values.Get<SimulatorOptions>(Strict), null);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        if (rtp.PortMax <= rtp.PortMin)
        {
            errors.Add($"Rtp:PortMax: must be above Rtp:PortMin ({rtp.PortMin}), is {rtp.PortMax}");
        }

        if (!IPAddress.TryParse(sip.ListenAddress, out _))
        {
            errors.Add($"Sip:ListenAddress: not an IP address: '{sip.ListenAddress}'");
        }

        if (!string.IsNullOrWhiteSpace(sip.MailboxUri)
            && !sip.MailboxUri.StartsWith("sip:", StringComparison.OrdinalIgnoreCase)
            && !sip.MailboxUri.StartsWith("sips:", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add($"Sip:MailboxUri: must be a sip: or sips: URI, is '{sip.MailboxUri}'");
        }

        var registrar = ReadServer("Sip:Registrar", sip.Registrar, errors);
        var outboundProxy = string.IsNullOrWhiteSpace(sip.OutboundProxy) ? null : ReadServer("Sip:OutboundProxy", sip.OutboundProxy, errors);
        var dnsServers = ReadDnsServers(sip.DnsServers, errors);
        if (hal.Kind == HardwareKind.Simulator)
        {
            errors.AddRange(simulator.Validate());
        }
        else
        {
            errors.AddRange(hal.Validate(HalOptions.Section));
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        return (new DeskPhoneSettings
        {
            Account = account,
            Sip = sip,
            Rtp = rtp,
            Hal = hal,
            Audio = audio,
            Storage = storage,
            Phone = phone,
            Messages = messages,
            Simulator = simulator,
            Registrar = registrar!,
            OutboundProxy = outboundProxy,
            DnsServers = dnsServers,
        }, errors);
    }

    private static void Strict(BinderOptions binder) => binder.ErrorOnUnknownConfiguration = true;

    private static T Bind<T>(
        IConfiguration configuration,
        string section,
        List<string> errors,
        Func<IConfigurationSection, T?> get,
        IValidateOptions<T>? validator)
        where T : class, new()
    {
        var values = configuration.GetSection(section);
        T options;
        try
        {
            // A missing section binds to null: the defaults apply.
            options = get(values) ?? new T();
        }
        catch (InvalidOperationException exception)
        {
            // The binder names the key in its message; we add the section and, for unknown keys, the list.
            var unknown = UnknownKeys(values, exception.Message);
            errors.Add(unknown.Count > 0
                ? string.Join(Environment.NewLine, unknown.Select(key => $"{section}:{key}: unknown configuration key"))
                : $"{section}: {exception.Message}");
            return new T();
        }

        // Each failure reads "Member: message", which gives "Section:Member: message".
        var result = validator?.Validate(null, options);
        if (result is { Failed: true })
        {
            errors.AddRange(result.Failures.Select(failure => $"{section}:{failure}"));
        }

        return options;
    }

    /// <summary>
    /// The section's keys that the binder rejected as unknown. Both binders (reflection and
    /// source-generated) quote each such key in their message; reading them back from it avoids
    /// reflecting over the options type, which Native AOT refuses for types whose attributes are
    /// not trim-safe (e.g. <c>[Range(typeof(TimeSpan), …)]</c>).
    /// </summary>
    private static List<string> UnknownKeys(IConfigurationSection section, string message) =>
        message.Contains(nameof(BinderOptions.ErrorOnUnknownConfiguration), StringComparison.Ordinal)
            ? section.GetChildren().Select(child => child.Key).Where(key => message.Contains($"'{key}'", StringComparison.Ordinal)).ToList()
            : [];

    /// <summary>
    /// Reads a server key (host name or IP, optional port) without looking anything up: names are
    /// located by the SIP layer off its loop (RFC 3263), so start-up never waits on DNS.
    /// </summary>
    private static ServerAddress? ReadServer(string key, string value, List<string> errors)
    {
        if (ServerAddress.TryParse(value, out var server, out var error))
        {
            return server;
        }

        errors.Add($"{key}: {error}");
        return null;
    }

    private static List<IPEndPoint> ReadDnsServers(List<string> values, List<string> errors)
    {
        var servers = new List<IPEndPoint>();
        foreach (var value in values)
        {
            if (IPEndPoint.TryParse(value.Trim(), out var server))
            {
                servers.Add(server.Port == 0 ? new IPEndPoint(server.Address, 53) : server);
            }
            else
            {
                errors.Add($"Sip:DnsServers: not an IP address with an optional port: '{value}'");
            }
        }

        return servers;
    }
}
