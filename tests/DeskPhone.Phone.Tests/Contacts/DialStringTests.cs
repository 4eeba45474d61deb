using DeskPhone.Phone.Contacts;

namespace DeskPhone.Phone.Tests.Contacts;

public sealed class DialStringTests
{
    [Theory]
    [InlineData("102", "102")]
    [InlineData("sip:102@pbx", "102")]
    [InlineData("SIP:102@pbx.example.com:5060;transport=udp", "102")]
    [InlineData("\"Anna Rossi\" <sip:102@pbx>;tag=abc", "102")]
    [InlineData("<sips:+390212345678@pbx;user=phone>", "+390212345678")]
    [InlineData("sip:%2B39%2002%201234@pbx", "+39021234")]
    [InlineData("tel:+39-02-1234-5678;phone-context=example.com", "+390212345678")]
    [InlineData("  02 1234.5678 ", "0212345678")]
    public void FromCallerId_TakesTheUserPartWithoutSeparators(string callerId, string dial)
    {
        Assert.Equal(dial, DialString.FromCallerId(callerId));
    }

    [Theory]
    [InlineData("+39 02 1234 5678", true)]
    [InlineData("(02) 1234-5678", true)]
    [InlineData("*21#", true)]
    [InlineData("0039/02/1234", true)]
    [InlineData("02 + 1234", false)]
    [InlineData("+", false)]
    [InlineData("ext. 102", false)]
    [InlineData("- -", false)]
    public void IsValidNumber_AcceptsDialableNumbersWithSeparators(string number, bool valid)
    {
        Assert.Equal(valid, DialString.IsValidNumber(number));
    }

    [Theory]
    [InlineData("+390212345678", "345678")]
    [InlineData("*12345#", null)]
    [InlineData("12345", null)]
    public void Tail_IsTheLastSixDigits(string dial, string? tail)
    {
        Assert.Equal(tail, DialString.Tail(dial));
    }

    [Theory]
    [InlineData("0212345678", "0212345678", true)]
    [InlineData("+390212345678", "0212345678", true)]
    [InlineData("0212345678", "00390212345678", true)]
    [InlineData("+442079460000", "02079460000", true)]
    [InlineData("0212345678", "0612345678", false)]
    [InlineData("+390212345678", "+410212345678", false)]
    [InlineData("+390212345678", "12345678", false)]
    [InlineData("+12125551234", "2125551234", true)]
    [InlineData("+39102", "102", false)]
    public void SameLine_InternationalAndNationalFormsOfOneNumber(string dial, string other, bool same)
    {
        Assert.Equal(same, DialString.SameLine(dial, other));
        Assert.Equal(same, DialString.SameLine(other, dial));
    }
}
