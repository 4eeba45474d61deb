using System.Globalization;
using System.Net;
using DeskPhone.Hal.Simulator;
using DeskPhone.Phone;
using DeskPhone.Phone.Messages;
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

    public required StorageOptions Storage { get; init; }

    public required PhoneOptions Phone { get; init; }

    /// <summary>Text messages ("Messages" section); defaults when absent.</summary>
    public MessagesOptions Messages { get; init; } = new();

    public required SimulatorOptions Simulator { get; init; }

    /// <summary>The PBX address, resolved from <see cref="SipOptions.Registrar"/>.</summary>
    public required IPEndPoint RegistrarEndPoint { get; init; }

    public string Domain => string.IsNullOrWhiteSpace(Account.Domain) ? RegistrarHost(Sip.Registrar) : Account.Domain;

    public static (DeskPhoneSettings? Settings, IReadOnlyList<string> Errors) Load(IConfiguration configuration)
    {
        var errors = new List<string>();
        // Each Get<T> names its type, so the configuration binding source generator replaces it with
        // reflection-free code (Native AOT); the validators are source-generated for the same reason.
        var account = Bind(configuration, AccountOptions.Section, errors, static values => values.Get<AccountOptions>(Strict), new AccountOptionsValidator());
        var sip = Bind(configuration, SipOptions.Section, errors, static values => values.Get<SipOptions>(Strict), new SipOptionsValidator());
        var rtp = Bind(configuration, RtpOptions.Section, errors, static values => values.Get<RtpOptions>(Strict), new RtpOptionsValidator());
        var hal = Bind(configuration, HalOptions.Section, errors, static values => values.Get<HalOptions>(Strict), null);
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

        var registrar = ResolveRegistrar(sip.Registrar, errors);
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
            Storage = storage,
            Phone = phone,
            Messages = messages,
            Simulator = simulator,
            RegistrarEndPoint = registrar!,
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

    private static string RegistrarHost(string registrar)
    {
        var colon = registrar.LastIndexOf(':');
        return colon > 0 && !registrar.EndsWith(']') ? registrar[..colon] : registrar;
    }

    private static IPEndPoint? ResolveRegistrar(string registrar, List<string> errors)
    {
        var host = RegistrarHost(registrar);
        var port = 5060;
        var hasPort = host.Length != registrar.Length;
        if (hasPort && (!int.TryParse(registrar[(host.Length + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535))
        {
            errors.Add($"Sip:Registrar: bad port in '{registrar}'");
            return null;
        }

        host = host.Trim('[', ']');
        if (IPAddress.TryParse(host, out var address))
        {
            return new IPEndPoint(address, port);
        }

        try
        {
            // Start-up only: the signalling loop never blocks on DNS.
            var addresses = Dns.GetHostAddresses(host);
            if (addresses.Length > 0)
            {
                return new IPEndPoint(addresses[0], port);
            }
        }
        catch (System.Net.Sockets.SocketException)
        {
        }

        errors.Add($"Sip:Registrar: cannot resolve host '{host}'");
        return null;
    }
}
