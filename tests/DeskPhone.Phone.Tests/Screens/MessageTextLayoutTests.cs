using DeskPhone.Phone.Messages;
using DeskPhone.Phone.Screens;

namespace DeskPhone.Phone.Tests.Screens;

public sealed class MessageTextLayoutTests
{
    [Fact]
    public void WordWrap_BreaksAtSpaces_SplitsOverlongWords_KeepsLineBreaks()
    {
        Assert.Equal(["Ciao! Ci vediamo", "domani", "abcdefghijklm", "fine"], WordWrap.Lines("Ciao! Ci vediamo domani abcdefghijklm\nfine", 16));
        Assert.Equal(["abcdefghij", "klm"], WordWrap.Lines("abcdefghijklm", 10));
        Assert.Equal([string.Empty], WordWrap.Lines(string.Empty, 20));
    }

    [Theory]
    [InlineData(new[] { "Open", "New", "Del", "Back" }, "Open New  Del   Back")]
    [InlineData(new[] { "Reply", "", "Retry", "Back" }, "Reply     Retry Back")]
    [InlineData(new[] { "Reply", "Retry", "", "" }, "Repl Retry          ")]
    [InlineData(new[] { "", "", "", "" }, "                    ")]
    public void SoftKeys_PutEachLabelOverItsKey_CuttingRatherThanTouching(string[] labels, string row)
    {
        Assert.Equal(row, LcdText.SoftKeys(20, labels[0], labels[1], labels[2], labels[3]));
    }

    [Fact]
    public void Stamp_IsTheTimeToday_AndTheDateBefore()
    {
        var now = new DateTimeOffset(2026, 11, 24, 9, 30, 0, TimeSpan.FromHours(1));

        Assert.Equal("08:15", ConversationLayout.Stamp(new DateTimeOffset(2026, 11, 24, 7, 15, 0, TimeSpan.Zero), now));
        Assert.Equal("23/11", ConversationLayout.Stamp(new DateTimeOffset(2026, 11, 23, 22, 0, 0, TimeSpan.Zero), now));
    }

    [Fact]
    public void ContactSearch_MatchesExtensionPrefixes_AndNameWordsTypedOnTheKeys()
    {
        MessageContact[] contacts = [new("Anna Rossi", "102"), new("Bruno Verdi", "104"), new("Carla Bianchi", "210")];

        Assert.Equal(["Anna Rossi", "Bruno Verdi"], ContactSearch.Find(contacts, "10").Select(c => c.Name));
        Assert.Equal(["Anna Rossi"], ContactSearch.Find(contacts, "7677").Select(c => c.Name));
        Assert.Equal(["Carla Bianchi"], ContactSearch.Find(contacts, "22").Select(c => c.Name));
        Assert.Empty(ContactSearch.Find(contacts, string.Empty));
    }
}
