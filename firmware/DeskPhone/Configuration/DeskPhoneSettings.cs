using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Net;
using DeskPhone.Hal.Simulator;
using DeskPhone.Phone;
using Microsoft.Extensions.Configuration;

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

    public required SimulatorOptions Simulator { get; init; }

    /// <summary>The PBX address, resolved from <see cref="SipOptions.Registrar"/>.</summary>
    public required IPEndPoint RegistrarEndPoint { get; init; }

    public string Domain => string.IsNullOrWhiteSpace(Account.Domain) ? RegistrarHost(Sip.Registrar) : Account.Domain;

    public static (DeskPhoneSettings? Settings, IReadOnlyList<string> Errors) Load(IConfiguration configuration)
    {
        var errors = new List<string>();
        var account = Bind<AccountOptions>(configuration, AccountOptions.Section, errors);
        var sip = Bind<SipOptions>(configuration, SipOptions.Section, errors);
        var rtp = Bind<RtpOptions>(configuration, RtpOptions.Section, errors);
        var hal = Bind<HalOptions>(configuration, HalOptions.Section, errors);
        var storage = Bind<StorageOptions>(configuration, StorageOptions.Section, errors);
        var phone = Bind<PhoneOptions>(configuration, PhoneOptions.Section, errors);
        var simulator = Bind<SimulatorOptions>(configuration, SimulatorOptions.SectionName, errors);
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
            errors.Add("Hal:Kind: RaspberryPi drivers are not built yet; use Simulator");
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
            Simulator = simulator,
            RegistrarEndPoint = registrar!,
        }, errors);
    }

    private static T Bind<T>(IConfiguration configuration, string section, List<string> errors)
        where T : new()
    {
        var options = new T();
        var values = configuration.GetSection(section);
        try
        {
            values.Bind(options, binder => binder.ErrorOnUnknownConfiguration = true);
        }
        catch (InvalidOperationException exception)
        {
            // The binder names the key in its message; we add the section and, for unknown keys, the list.
            var unknown = UnknownKeys(values, typeof(T));
            errors.Add(unknown.Count > 0
                ? string.Join(Environment.NewLine, unknown.Select(key => $"{section}:{key}: unknown configuration key"))
                : $"{section}: {exception.Message}");
            return options;
        }

        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
        {
            foreach (var result in results)
            {
                foreach (var member in result.MemberNames.DefaultIfEmpty(string.Empty))
                {
                    errors.Add($"{section}:{member}: {result.ErrorMessage}");
                }
            }
        }

        return options;
    }

    private static List<string> UnknownKeys(IConfigurationSection section, Type type)
    {
        var known = type.GetProperties().Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return section.GetChildren().Where(child => !known.Contains(child.Key)).Select(child => child.Key).ToList();
    }

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
