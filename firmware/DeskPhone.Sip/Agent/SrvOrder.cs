namespace DeskPhone.Sip.Agent;

/// <summary>One SRV record's choice data (RFC 2782): lower priority first, weight among equals.</summary>
internal readonly record struct SrvChoice<T>(ushort Priority, ushort Weight, T Target);

/// <summary>
/// The order in which to contact the targets of SRV records (RFC 2782, "Usage rules"): by
/// ascending priority; within one priority a weighted random order, where a record's chance to
/// come next is its share of the remaining weights and zero-weight records are only rarely first.
/// </summary>
internal static class SrvOrder
{
    /// <param name="pick">A uniform random integer in [0, max] for the given max (inclusive).</param>
    public static List<T> Arrange<T>(IEnumerable<SrvChoice<T>> records, Func<int, int> pick)
    {
        var ordered = new List<T>();
        foreach (var group in records.GroupBy(record => record.Priority).OrderBy(group => group.Key))
        {
            // "all those with weight 0 are placed at the beginning of the list"
            var unordered = group.Where(r => r.Weight == 0).Concat(group.Where(r => r.Weight > 0)).ToList();
            while (unordered.Count > 0)
            {
                var index = Select(unordered, pick(unordered.Sum(r => r.Weight)));
                ordered.Add(unordered[index].Target);
                unordered.RemoveAt(index);
            }
        }

        return ordered;
    }

    /// <summary>The first record whose running sum of weights reaches <paramref name="chosen"/>.</summary>
    private static int Select<T>(List<SrvChoice<T>> unordered, int chosen)
    {
        var running = 0;
        for (var index = 0; index < unordered.Count; index++)
        {
            running += unordered[index].Weight;
            if (running >= chosen)
            {
                return index;
            }
        }

        return unordered.Count - 1;
    }
}
