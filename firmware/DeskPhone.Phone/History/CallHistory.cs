namespace DeskPhone.Phone.History;

/// <summary>
/// Placed, received and missed calls, newest first, bounded. Kept in memory for now; persistence
/// comes with the call-history feature. THREAD: signalling loop only.
/// </summary>
public sealed class CallHistory
{
    public const int Capacity = 200;

    private readonly LinkedList<CallRecord> records = new();

    public IEnumerable<CallRecord> Records => records;

    public int UnseenMissed { get; private set; }

    public void Add(CallRecord record)
    {
        records.AddFirst(record);
        if (records.Count > Capacity)
        {
            records.RemoveLast();
        }

        if (record.Kind == CallRecordKind.Missed)
        {
            UnseenMissed++;
        }
    }

    public void MarkMissedSeen() => UnseenMissed = 0;
}
