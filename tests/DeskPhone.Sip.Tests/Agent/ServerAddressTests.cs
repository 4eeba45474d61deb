using System.Net;
using DeskPhone.Sip.Agent;

namespace DeskPhone.Sip.Tests.Agent;

public sealed class ServerAddressTests
{
    [Theory]
    [InlineData("pbx.example.com", "pbx.example.com", null, false)]
    [InlineData("PBX.Example.com.:5070", "pbx.example.com", 5070, false)]
    [InlineData("10.0.0.5", "10.0.0.5", null, true)]
    [InlineData("10.0.0.5:5080", "10.0.0.5", 5080, true)]
    [InlineData("[2001:db8::5]:5070", "2001:db8::5", 5070, true)]
    [InlineData("2001:db8::5", "2001:db8::5", null, true)]
    [InlineData("[2001:db8::5]", "2001:db8::5", null, true)]
    public void TryParse_ReadsHostPortAndLiteral(string text, string host, int? port, bool literal)
    {
        Assert.True(ServerAddress.TryParse(text, out var address, out var error), error);

        Assert.Equal(host, address.Host);
        Assert.Equal(port, address.Port);
        Assert.Equal(literal, address.Literal is not null);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("127.0.0.1:http", "bad port in '127.0.0.1:http'")]
    [InlineData("pbx:0", "bad port in 'pbx:0'")]
    [InlineData("pbx:65536", "bad port in 'pbx:65536'")]
    [InlineData("[2001:db8::5", "bad IPv6 reference in '[2001:db8::5'")]
    [InlineData("pbx example", "not a host name or IP address: 'pbx example'")]
    [InlineData("-pbx.example.com", "not a host name or IP address: '-pbx.example.com'")]
    [InlineData("pbx..example.com", "not a host name or IP address: 'pbx..example.com'")]
    public void TryParse_Bad_SaysWhatIsWrong(string text, string expected)
    {
        Assert.False(ServerAddress.TryParse(text, out _, out var error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void ToString_BracketsIpv6_AndRoundTrips()
    {
        ServerAddress address = new IPEndPoint(IPAddress.Parse("2001:db8::5"), 5070);

        Assert.Equal("[2001:db8::5]:5070", address.ToString());
        Assert.True(ServerAddress.TryParse(address.ToString(), out var again, out _));
        Assert.Equal(address, again);
    }
}
