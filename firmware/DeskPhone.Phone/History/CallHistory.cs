using Microsoft.Extensions.Logging;

namespace DeskPhone.Phone.History;

/// <summary>
/// Placed, received and missed calls, newest first, at most <see cref="Capacity"/>, and how many
/// missed calls the user has not looked at yet. Opened from <c>history.db</c> it survives restarts
/// (each change is written through before the method returns); created with <c>new()</c> it lives
/// in memory only. If the database fails, the history carries on in memory and the failure is
/// logged. THREAD: signalling loop only.
/// </summary>
public sealed class CallHistory : IDisposable
{
    public const int Capacity = 200;

    public const string FileName = "history.db";

    private readonly List<CallRecord> records = [];
    private readonly CallHistoryStore? store;

    /// <summary>A history in memory only (tests, or a phone without storage).</summary>
    public CallHistory()
    {
    }

    private CallHistory(CallHistoryStore store)
    {
        this.store = store;
        (var stored, UnseenMissed) = store.Load(Capacity);
        records.AddRange(stored);
    }

    /// <summary>
    /// Raised after every change (a call added, missed calls seen, a record deleted, all cleared),
    /// so the idle count and the message-waiting LED follow. THREAD: signalling loop.
    /// </summary>
    public event Action? Changed;

    /// <summary>Newest first; index 0 is the last call.</summary>
    public IReadOnlyList<CallRecord> Records => records;

    /// <summary>Missed calls since the user last opened the history.</summary>
    public int UnseenMissed { get; private set; }

    /// <summary>What went wrong opening the database (a file set aside, or none usable), or null.</summary>
    public string? Problem => store?.Problem;

    /// <summary>
    /// Opens (creating, upgrading or recovering) the history at <paramref name="path"/>. Never
    /// throws for a bad file: a corrupt one is set aside and an empty history started
    /// (<see cref="Problem"/> says so); with no usable file the history works in memory.
    /// </summary>
    public static CallHistory Open(string path, ILogger logger, TimeProvider? time = null) =>
        new(CallHistoryStore.Open(path, logger, time));

    public void Add(CallRecord record)
    {
        records.Insert(0, record);
        if (records.Count > Capacity)
        {
            records.RemoveAt(records.Count - 1);
        }

        if (record.Kind == CallRecordKind.Missed)
        {
            UnseenMissed++;
        }

        store?.Append(record, Capacity);
        Changed?.Invoke();
    }

    public void MarkMissedSeen()
    {
        if (UnseenMissed == 0)
        {
            return;
        }

        UnseenMissed = 0;
        store?.ClearUnseenMissed();
        Changed?.Invoke();
    }

    /// <summary>
    /// Deletes one record (the history screen's "delete"). A record has no identity beyond its
    /// fields: of two equal ones (the same call logged twice in the same millisecond) the newer
    /// goes, which is the same to the user. The unseen-missed count stays: the list that deletes
    /// has already marked missed calls seen. False when no such record is kept.
    /// </summary>
    public bool Remove(CallRecord record)
    {
        if (!records.Remove(record))
        {
            return false;
        }

        store?.Remove(record);
        Changed?.Invoke();
        return true;
    }

    /// <summary>Deletes every record (the history menu's "clear all").</summary>
    public void Clear()
    {
        records.Clear();
        UnseenMissed = 0;
        store?.Clear();
        Changed?.Invoke();
    }

    public void Dispose() => store?.Dispose();
}
