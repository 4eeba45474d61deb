namespace DeskPhone.Interop.Tests.Lab;

/// <summary>
/// The lab's extensions and passwords, read from tests/lab/users.htable — the same file
/// Kamailio loads into its "users" hash table, so tests and PBX cannot disagree.
/// </summary>
internal static class LabUsers
{
    /// <summary>
    /// Parses the db_text table: a header line naming the columns, then one
    /// <c>extension:password</c> row per line.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Load(string path)
    {
        var users = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var row = line.AsSpan().Trim();
            if (row.IsEmpty)
            {
                continue;
            }

            var colon = row.IndexOf(':');
            if (colon <= 0)
            {
                throw new InvalidDataException($"{path}: row '{line}' is not extension:password.");
            }

            users[row[..colon].ToString()] = row[(colon + 1)..].ToString();
        }

        return users;
    }
}
