using DeskPhone.Configuration;
using Microsoft.Extensions.Configuration;

namespace DeskPhone.Tests;

/// <summary>The smallest configuration that loads (an account and a registrar), with the keys a test sets on top.</summary>
internal static class MinimalSettings
{
    public static (DeskPhoneSettings? Settings, IReadOnlyList<string> Errors) Load(params (string Key, string? Value)[] changes)
    {
        var values = new Dictionary<string, string?>
        {
            ["Account:Extension"] = "101",
            ["Account:Password"] = "pw101",
            ["Sip:Registrar"] = "127.0.0.1:5070",
        };
        foreach (var (key, value) in changes)
        {
            values[key] = value;
        }

        return DeskPhoneSettings.Load(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
    }
}
