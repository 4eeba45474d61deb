using System.Text;
using DeskPhone.Sip.Subscriptions;

namespace DeskPhone.Sip.Tests.Subscriptions;

public sealed class MessageSummaryParserTests
{
    [Theory]
    [InlineData("Messages-Waiting: yes\r\nVoice-Message: 2/8\r\n", true, 2, 8, 0, 0)]
    [InlineData("Messages-Waiting: no\r\nVoice-Message: 0/3\r\n", false, 0, 3, 0, 0)]
    [InlineData("Messages-Waiting: yes\r\nVoice-Message: 4/1 (2/1)\r\n", true, 4, 1, 2, 1)]
    [InlineData("messages-waiting:YES\nvoice-message:  4 / 1(2 / 1)  \n", true, 4, 1, 2, 1)]
    [InlineData("\r\nMessages-Waiting: yes\r\nFax-Message: 1/0\r\nX-Vendor-Line: anything at all\r\nVoice-Message: 3/0\r\n\r\nTo: <sip:101@deskphone.lab>\r\nSubject: Lunch\r\n", true, 3, 0, 0, 0)]
    [InlineData("Messages-Waiting: yes\r\nVoice-Message: 1/\r\n 2\r\n", true, 1, 2, 0, 0)]
    public void TryParse_ReadsStatusAndVoiceCounts(string body, bool waiting, int fresh, int old, int urgentNew, int urgentOld)
    {
        Assert.True(MessageSummaryParser.TryParse(Encoding.UTF8.GetBytes(body), out var state, out var defect), defect);

        Assert.Equal(new MessageWaitingState(waiting, null, new MessageCounts(fresh, old, urgentNew, urgentOld)), state);
    }

    [Fact]
    public void TryParse_WithoutSummaryLines_HasNoCountsButKeepsTheAccount()
    {
        Assert.True(MessageSummaryParser.TryParse("Messages-Waiting: no\r\nMessage-Account: sip:alice@vm.example.com\r\n"u8, out var state, out _));

        Assert.Equal(new MessageWaitingState(false, "sip:alice@vm.example.com", null), state);
    }

    [Theory]
    [InlineData("", "no Messages-Waiting line")]
    [InlineData("Voice-Message: 2/8\r\n", "no Messages-Waiting line")]
    [InlineData("Messages-Waiting: maybe\r\n", "Messages-Waiting is neither yes nor no")]
    [InlineData("Messages-Waiting: yes\r\nMessages-Waiting: no\r\n", "Messages-Waiting given twice")]
    [InlineData("Messages-Waiting: yes\r\nVoice-Message: two/8\r\n", "Voice-Message counts malformed")]
    [InlineData("Messages-Waiting: yes\r\nVoice-Message: 2\r\n", "Voice-Message counts malformed")]
    [InlineData("Messages-Waiting: yes\r\nVoice-Message: 2/8 (1/0\r\n", "Voice-Message counts malformed")]
    [InlineData("Messages-Waiting: yes\r\nVoice-Message: -2/8\r\n", "Voice-Message counts malformed")]
    [InlineData("Messages-Waiting: yes\r\nVoice-Message: 99999999999/8\r\n", "Voice-Message counts malformed")]
    [InlineData("Messages-Waiting: yes\r\nFax-Message: 1-0\r\n", "message counts malformed")]
    [InlineData("Messages-Waiting: yes\r\nMessage-Account:\r\n", "Message-Account is not a URI")]
    [InlineData("Messages-Waiting yes\r\n", "message summary line without a name")]
    [InlineData(": yes\r\n", "message summary line without a name")]
    public void TryParse_Malformed_NamesTheDefect(string body, string expected)
    {
        Assert.False(MessageSummaryParser.TryParse(Encoding.UTF8.GetBytes(body), out var state, out var defect));

        Assert.Null(state);
        Assert.Equal(expected, defect);
    }

    [Fact]
    public void TryParse_TooLarge_IsRefusedUnread()
    {
        var body = Encoding.ASCII.GetBytes("Messages-Waiting: yes\r\n" + new string('x', MessageSummaryParser.MaxBodyBytes));

        Assert.False(MessageSummaryParser.TryParse(body, out _, out var defect));
        Assert.Equal("message summary too large", defect);
    }

    /// <summary>Every prefix, every single-byte change and random bytes: a result, never an exception, and a defect fit for a reason phrase.</summary>
    [Fact]
    public void TryParse_BadInput_NeverThrows()
    {
        var valid = Encoding.UTF8.GetBytes(VoicemailServer.Summary + "\r\nSubject: hello\r\n");
        var random = new Random(3842);
        var inputs = new List<byte[]>();
        inputs.AddRange(Enumerable.Range(0, valid.Length + 1).Select(n => valid[..n]));
        foreach (var position in Enumerable.Range(0, valid.Length))
        {
            foreach (var value in new byte[] { 0, (byte)'\n', (byte)':', (byte)'/', (byte)'(', 0xFF })
            {
                var mutated = (byte[])valid.Clone();
                mutated[position] = value;
                inputs.Add(mutated);
            }
        }

        for (var i = 0; i < 2000; i++)
        {
            var bytes = new byte[random.Next(0, 200)];
            random.NextBytes(bytes);
            inputs.Add(bytes);
        }

        var parsed = 0;
        foreach (var input in inputs)
        {
            if (MessageSummaryParser.TryParse(input, out var state, out var defect))
            {
                Assert.NotNull(state);
                parsed++;
            }
            else
            {
                Assert.Null(state);
                Assert.NotEmpty(defect);
                Assert.DoesNotContain('\n', defect);
            }
        }

        // The unchanged body and many harmless mutations still read; most random noise does not.
        Assert.InRange(parsed, 1, inputs.Count - 2000);
    }
}
