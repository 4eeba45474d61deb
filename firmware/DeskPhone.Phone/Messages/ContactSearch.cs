using DeskPhone.Hal;
using DeskPhone.Phone.TextEntry;

namespace DeskPhone.Phone.Messages;

/// <summary>
/// Finds contacts from digits typed on the pad: an extension that starts with them, or a name with
/// a word whose letters sit on those keys (2 = a b c …, so "266" finds "Anna" and "Annalisa").
/// </summary>
internal static class ContactSearch
{
    public static IReadOnlyList<MessageContact> Find(IReadOnlyList<MessageContact> contacts, string digits)
    {
        if (digits.Length == 0)
        {
            return [];
        }

        return contacts
            .Where(c => c.Extension.StartsWith(digits, StringComparison.Ordinal) || c.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(word => KeysOf(word).StartsWith(digits, StringComparison.Ordinal)))
            .OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    /// <summary>The digits that type <paramref name="word"/>; characters on no key break the match.</summary>
    private static string KeysOf(string word)
    {
        var digits = new char[word.Length];
        for (var i = 0; i < word.Length; i++)
        {
            var key = KeyOf(char.ToLowerInvariant(word[i]));
            if (key is null)
            {
                return new string(digits, 0, i);
            }

            digits[i] = key.Value.DialChar()!.Value;
        }

        return new string(digits);
    }

    private static PhoneKey? KeyOf(char c)
    {
        for (var key = PhoneKey.Digit2; key <= PhoneKey.Digit9; key++)
        {
            if (KeyLetters.For(key)!.Contains(c))
            {
                return key;
            }
        }

        return null;
    }
}
