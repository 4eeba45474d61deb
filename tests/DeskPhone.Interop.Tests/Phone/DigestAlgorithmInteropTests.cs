using DeskPhone.Interop.Tests.Lab;

namespace DeskPhone.Interop.Tests.Phone;

/// <summary>
/// Our phone registers to a real Kamailio whatever digest hash it challenges with. Debian's
/// Kamailio 5.6 offers MD5 and SHA-256 ("Possible values are MD5 or SHA-256"); SHA-512-256 is
/// covered by the unit tests against the FIPS 180-4 vectors.
/// </summary>
public sealed class DigestAlgorithmInteropTests
{
    [Theory]
    [InlineData("MD5")]
    [InlineData("SHA-256")]
    public async Task Phone_Registers_WithEachAlgorithmKamailioOffers(string algorithm)
    {
        await using var lab = await KamailioLab.StartAsync(algorithm);
        await using var phone = LabPhone.Start(lab, "160");

        await phone.WaitForScreenAsync("Registered");

        Assert.Contains($"algorithm={algorithm}", phone.Log);
        Assert.NotEmpty(await lab.RegisteredContactsAsync("160"));
    }
}
