using DeskPhone.Phone.Messages;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace DeskPhone.Phone.Tests.Messages;

public sealed class MessageStoreTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 9, 30, 0, TimeSpan.Zero);

    private readonly string directory = Directory.CreateTempSubdirectory("deskphone-store-").FullName;

    private string DbPath => Path.Combine(directory, MessageStore.FileName);

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void StoredIncoming_IsThereAfterReopening_Unread()
    {
        using (var store = Open())
        {
            Assert.Equal(IncomingStoreOutcome.Stored, store.StoreIncoming("c1|1|t", "102", "Anna", "Ciao", T0, out var stored));
            Assert.Equal("Ciao", stored!.Text);
        }

        using var reopened = Open();
        var message = Assert.Single(reopened.MessagesWith("102"));
        Assert.Equal(("Ciao", "Anna", MessageDirection.Incoming, MessageState.Received, false, T0), (message.Text, message.PeerName, message.Direction, message.State, message.Read, message.At));
        Assert.Equal(1, reopened.UnreadCount);
    }

    [Fact]
    public void Database_IsInWalMode()
    {
        using var store = Open();

        using var other = new SqliteConnection($"Data Source={DbPath};Mode=ReadOnly;Pooling=False");
        other.Open();
        using var command = other.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", command.ExecuteScalar());
    }

    [Fact]
    public void SameSipId_IsStoredOnce_EvenAfterReopening()
    {
        using (var store = Open())
        {
            store.StoreIncoming("c1|1|t", "102", null, "Ciao", T0, out _);
            Assert.Equal(IncomingStoreOutcome.Duplicate, store.StoreIncoming("c1|1|t", "102", null, "Ciao", T0, out var again));
            Assert.Null(again);
        }

        using var reopened = Open();
        Assert.Equal(IncomingStoreOutcome.Duplicate, reopened.StoreIncoming("c1|1|t", "102", null, "Ciao", T0, out _));
        Assert.Equal(IncomingStoreOutcome.Stored, reopened.StoreIncoming("c1|2|t", "102", null, "Ciao", T0, out _));
        Assert.Equal(2, reopened.MessagesWith("102").Count);
        Assert.Equal(2, reopened.Count);
    }

    [Fact]
    public void AtCapacity_TheOldestReadMessageGoes_UnreadOnesStay()
    {
        using var store = Open(capacity: 3);
        store.StoreIncoming("a", "102", null, "old unread", T0, out _);
        store.AddOutgoing("103", null, "old sent", T0.AddMinutes(1));
        store.StoreIncoming("b", "103", null, "newer unread", T0.AddMinutes(2), out _);

        Assert.Equal(IncomingStoreOutcome.Stored, store.StoreIncoming("c", "104", null, "newest", T0.AddMinutes(3), out _));

        Assert.Equal(3, store.Count);
        Assert.Single(store.MessagesWith("102"));
        Assert.DoesNotContain(store.MessagesWith("103"), m => m.Direction == MessageDirection.Outgoing);
        Assert.Single(store.MessagesWith("104"));
    }

    [Fact]
    public void AtCapacity_AllUnread_RefusesIncoming_ButKeepsTheUsersOwnText()
    {
        using var store = Open(capacity: 2);
        store.StoreIncoming("a", "102", null, "one", T0, out _);
        store.StoreIncoming("b", "102", null, "two", T0, out _);

        Assert.Equal(IncomingStoreOutcome.Full, store.StoreIncoming("c", "102", null, "three", T0, out var refused));
        Assert.Null(refused);
        Assert.Equal(IncomingStoreOutcome.Duplicate, store.StoreIncoming("a", "102", null, "one", T0, out _));
        Assert.NotNull(store.AddOutgoing("102", null, "mine", T0));

        store.MarkRead("102");
        Assert.Equal(IncomingStoreOutcome.Stored, store.StoreIncoming("c", "102", null, "three", T0, out _));
        Assert.Equal(["mine", "three"], store.MessagesWith("102").Select(m => m.Text));
    }

    [Fact]
    public void SendingWhenThePhoneStopped_IsNotDeliveredAfterReopening()
    {
        using (var store = Open())
        {
            store.AddOutgoing("103", null, "in flight", T0);
        }

        using var reopened = Open();
        var message = Assert.Single(reopened.MessagesWith("103"));
        Assert.Equal(MessageState.Failed, message.State);
        Assert.Equal("phone restarted", message.Reason);
    }

    [Fact]
    public void SetState_RecordsTheOutcomeAndReason()
    {
        using var store = Open();
        var sent = store.AddOutgoing("103", "Bruno", "hi", T0)!;

        Assert.True(store.SetState(sent.Id, MessageState.Failed, 480, "Temporarily Unavailable"));

        var message = Assert.Single(store.MessagesWith("103"));
        Assert.Equal((MessageState.Failed, 480, "Temporarily Unavailable", true), (message.State, message.StatusCode, message.Reason, message.Read));
    }

    [Fact]
    public void Conversations_NewestFirst_WithUnreadCountLastTextAndName()
    {
        using var store = Open();
        store.StoreIncoming("a", "102", "Anna", "first", T0, out _);
        store.StoreIncoming("b", "103", null, "from 103", T0.AddMinutes(1), out _);
        store.StoreIncoming("c", "102", "Anna", "second", T0.AddMinutes(2), out _);
        store.AddOutgoing("102", null, "my answer", T0.AddMinutes(3));

        var list = store.Conversations();

        Assert.Equal(["102", "103"], list.Select(c => c.Peer));
        Assert.Equal(new ConversationSummary("102", "Anna", T0.AddMinutes(3), 2), list[0]);
        Assert.Equal(1, list[1].Unread);
    }

    [Fact]
    public void MarkReadAndDelete_ChangeOnlyThatConversation()
    {
        using var store = Open();
        store.StoreIncoming("a", "102", null, "x", T0, out _);
        store.StoreIncoming("b", "103", null, "y", T0, out _);

        Assert.Equal(1, store.MarkRead("102"));
        Assert.Equal(1, store.UnreadCount);
        Assert.Equal(1, store.DeleteConversation("103"));

        Assert.Equal(0, store.UnreadCount);
        Assert.Equal(["102"], store.Conversations().Select(c => c.Peer));
        Assert.Equal(1, store.Count);
    }

    [Fact]
    public void NotADatabase_IsSetAsideReported_AndAnEmptyStoreStarts()
    {
        File.WriteAllText(DbPath, "this is not an SQLite file, just text that got here somehow......................................................");

        using var store = Open();

        Assert.True(store.IsAvailable);
        Assert.Contains("corrupt", store.Problem);
        Assert.Single(Directory.GetFiles(directory, MessageStore.FileName + ".bad-*"));
        Assert.Equal(IncomingStoreOutcome.Stored, store.StoreIncoming("a", "102", null, "after", T0, out _));
    }

    [Fact]
    public void DamagedPages_AreDetected_SetAside_AndAnEmptyStoreStarts()
    {
        using (var store = Open())
        {
            for (var i = 0; i < 100; i++)
            {
                store.StoreIncoming($"id{i}", "102", null, new string('x', 200), T0, out _);
            }
        }

        // Scribble over the middle of the file: table and index pages no longer agree.
        using (var file = new FileStream(DbPath, FileMode.Open, FileAccess.Write))
        {
            file.Position = file.Length / 2;
            file.Write(Enumerable.Repeat((byte)0x5A, 8192).ToArray());
        }

        using var reopened = Open();

        Assert.True(reopened.IsAvailable);
        Assert.Contains("corrupt", reopened.Problem);
        Assert.Equal(0, reopened.Count);
    }

    [Fact]
    public void DatabaseFromANewerFirmware_IsSetAside()
    {
        using (var store = Open())
        {
            store.StoreIncoming("a", "102", null, "x", T0, out _);
        }

        using (var connection = new SqliteConnection($"Data Source={DbPath};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version = 99";
            command.ExecuteNonQuery();
        }

        using var reopened = Open();

        Assert.Contains("schema version 99", reopened.Problem);
        Assert.Equal(0, reopened.Count);
    }

    [Fact]
    public void UnopenableFile_LeavesTheStoreUnavailable_AndWritesFailAsValues()
    {
        var blocker = Path.Combine(directory, "not-a-folder");
        File.WriteAllText(blocker, string.Empty);

        using var store = MessageStore.Open(Path.Combine(blocker, MessageStore.FileName), 10, NullLogger.Instance);

        Assert.False(store.IsAvailable);
        Assert.Contains("unavailable", store.Problem);
        Assert.Equal(IncomingStoreOutcome.Failed, store.StoreIncoming("a", "102", null, "x", T0, out _));
        Assert.Null(store.AddOutgoing("102", null, "x", T0));
        Assert.Empty(store.Conversations());
    }

    private MessageStore Open(int capacity = 10_000) => MessageStore.Open(DbPath, capacity, NullLogger.Instance);
}
