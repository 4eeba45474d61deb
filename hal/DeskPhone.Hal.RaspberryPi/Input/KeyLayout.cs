namespace DeskPhone.Hal.RaspberryPi;

/// <summary>Which key sits at each row and column of the matrix, read from Hal:Keypad:Keys.</summary>
internal sealed class KeyLayout
{
    /// <summary>The scanner keeps a whole matrix reading in one 64-bit word.</summary>
    public const int MaxRows = 8;

    public const int MaxColumns = 8;

    private const string NoKey = "-";

    private readonly PhoneKey?[] _keys;

    private KeyLayout(int rows, int columns, PhoneKey?[] keys)
    {
        Rows = rows;
        Columns = columns;
        _keys = keys;
    }

    public int Rows { get; }

    public int Columns { get; }

    /// <summary>The key at <paramref name="row"/>, <paramref name="column"/>, or null for an empty position.</summary>
    public PhoneKey? this[int row, int column] => _keys[(row * Columns) + column];

    /// <summary>
    /// Reads one string per row of space-separated key names ("-" for no key). Every problem is
    /// added to <paramref name="errors"/> as "<paramref name="key"/>:row: problem"; the result is null when there is one.
    /// </summary>
    public static KeyLayout? Parse(IReadOnlyList<string> rows, string key, List<string> errors)
    {
        int before = errors.Count;
        if (rows.Count is < 1 or > MaxRows)
        {
            errors.Add($"{key}: must have 1–{MaxRows} rows, has {rows.Count}");
            return null;
        }

        var names = rows.Select(row => (row ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToArray();
        int columns = names[0].Length;
        if (columns is < 1 or > MaxColumns)
        {
            errors.Add($"{key}:0: must have 1–{MaxColumns} keys, has {columns}");
            return null;
        }

        var keys = new PhoneKey?[rows.Count * columns];
        var seen = new HashSet<PhoneKey>();
        for (int row = 0; row < names.Length; row++)
        {
            if (names[row].Length != columns)
            {
                errors.Add($"{key}:{row}: must have {columns} entries like row 0, has {names[row].Length}");
                continue;
            }

            for (int column = 0; column < columns; column++)
            {
                string name = names[row][column];
                if (name == NoKey)
                {
                    continue;
                }

                // Exact names only: Enum.TryParse would also take "3" or "Digit1,Digit2".
                if (!Enum.GetNames<PhoneKey>().Contains(name, StringComparer.Ordinal))
                {
                    errors.Add($"{key}:{row}: '{name}' is not a key name (Digit0–Digit9, Star, Pound, Send, End, … or - for none)");
                }
                else if (!seen.Add(Enum.Parse<PhoneKey>(name)))
                {
                    errors.Add($"{key}:{row}: {name} appears twice in the matrix");
                }
                else
                {
                    keys[(row * columns) + column] = Enum.Parse<PhoneKey>(name);
                }
            }
        }

        return errors.Count == before ? new KeyLayout(rows.Count, columns, keys) : null;
    }
}
