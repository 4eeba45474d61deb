using DeskPhone.Phone.Contacts;

namespace DeskPhone.Phone.Tests.Contacts;

public sealed class NameFoldingTests
{
    [Theory]
    [InlineData("Niccolò Àlvarez", "niccolo alvarez")]
    [InlineData("ÉLODIE Çelik", "elodie celik")]
    [InlineData("Jürgen Straße", "jurgen strasse")]
    [InlineData("Łukasz Œuvre", "lukasz oeuvre")]
    [InlineData("D'Angelo", "d'angelo")]
    public void Fold_LowerCasesAndRemovesAccents(string name, string folded)
    {
        Assert.Equal(folded, NameFolding.Fold(name));
    }

    [Theory]
    [InlineData("Anna", " 2662")]
    [InlineData("Anna Rossi", " 266276774 2662 76774")]
    [InlineData("Niccolò", " 6422656")]
    [InlineData("D'Angelo", " 3264356")]
    [InlineData("Anna-Maria (Sales)", " 26626274272537 2662 62742 72537")]
    [InlineData("Ufficio 2", " 83342462 8334246 2")]
    public void KeypadKey_SpellsTheWholeNameThenEachWord(string name, string key)
    {
        Assert.Equal(key, NameFolding.KeypadKey(name));
    }
}
