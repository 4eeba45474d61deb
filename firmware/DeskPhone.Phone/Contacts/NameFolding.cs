using System.Text;

namespace DeskPhone.Phone.Contacts;

/// <summary>
/// Names as the phonebook sorts and searches them: lower case with accents folded ("Niccolò" sorts
/// and searches as "niccolo"), and as keypad digits (ITU-T E.161 letter groups: 2 abc … 9 wxyz).
/// The firmware runs with invariant globalization, which has no Unicode decomposition, so the
/// Latin letters a European phonebook meets are folded by the table below.
/// </summary>
internal static class NameFolding
{
    /// <summary>Each plain letter followed by its accented lower-case forms (Latin-1 Supplement and Latin Extended-A).</summary>
    private static readonly string[] AccentGroups =
    [
        "aàáâãäåāăą", "cçćĉċč", "dďđð", "eèéêëēĕėęě", "gĝğġģ", "hĥħ", "iìíîïĩīĭįı", "jĵ", "kķ",
        "lĺļľŀł", "nñńņňŉ", "oòóôõöøōŏő", "rŕŗř", "sśŝşšſ", "tţťŧ", "uùúûüũūŭůűų", "wŵ", "yýÿŷ", "zźżž",
    ];

    private static readonly Dictionary<char, string> Folds = BuildFolds();

    private static readonly string[] KeypadLetters = ["", "", "abc", "def", "ghi", "jkl", "mno", "pqrs", "tuv", "wxyz"];

    /// <summary>The sort and comparison form of a name: lower case, accents folded, everything else kept.</summary>
    public static string Fold(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name.ToLowerInvariant())
        {
            if (Folds.TryGetValue(c, out var plain))
            {
                builder.Append(plain);
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// The keypad spelling searched by <see cref="ContactBook.Browse"/>: the whole name run together,
    /// then each word, every one after a space, so that typing matches the start of the name or of
    /// any word ("266" finds "Anna Rossi", "767" too). Apostrophes join ("D'Angelo" is "dangelo");
    /// other punctuation separates words; letters without a key are dropped.
    /// </summary>
    public static string KeypadKey(string name)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in Fold(name))
        {
            if (KeyFor(c) is { } digit)
            {
                word.Append(digit);
            }
            else if (c is not ('\'' or '’') && word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }

        var key = new StringBuilder();
        if (words.Count > 1)
        {
            key.Append(' ').Append(string.Concat(words));
        }

        foreach (var each in words)
        {
            key.Append(' ').Append(each);
        }

        return key.ToString();
    }

    /// <summary>The keypad digit that types a folded character, or null.</summary>
    private static char? KeyFor(char c)
    {
        if (char.IsAsciiDigit(c))
        {
            return c;
        }

        for (var digit = 2; digit < KeypadLetters.Length; digit++)
        {
            if (KeypadLetters[digit].Contains(c))
            {
                return (char)('0' + digit);
            }
        }

        return null;
    }

    private static Dictionary<char, string> BuildFolds()
    {
        var folds = new Dictionary<char, string>
        {
            ['æ'] = "ae",
            ['œ'] = "oe",
            ['ß'] = "ss",
            ['þ'] = "th",
            ['ĳ'] = "ij",
        };
        foreach (var group in AccentGroups)
        {
            foreach (var accented in group.AsSpan(1))
            {
                folds[accented] = group[..1];
            }
        }

        return folds;
    }
}
