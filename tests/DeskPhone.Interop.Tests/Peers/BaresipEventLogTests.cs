using Microsoft.Extensions.Time.Testing;

namespace DeskPhone.Interop.Tests.Peers;

public sealed class BaresipEventLogTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task TakeAsync_WhenEventArrivedBeforeTheWait_ReturnsItAtOnce()
    {
        var log = new BaresipEventLog(_time);
        log.Add(Event("CALL_ESTABLISHED", "1"));

        var taken = await log.TakeAsync(e => e.Type == "CALL_ESTABLISHED", TimeSpan.FromSeconds(1), CancellationToken.None);

        Assert.Equal("1", taken?.CallId);
    }

    [Fact]
    public async Task TakeAsync_CalledTwice_ClaimsEachEventOnlyOnce()
    {
        var log = new BaresipEventLog(_time);
        log.Add(Event("CALL_CLOSED", "1"));
        log.Add(Event("CALL_CLOSED", "2"));

        var first = await log.TakeAsync(e => e.Type == "CALL_CLOSED", TimeSpan.FromSeconds(1), CancellationToken.None);
        var second = await log.TakeAsync(e => e.Type == "CALL_CLOSED", TimeSpan.FromSeconds(1), CancellationToken.None);
        var third = log.TakeAsync(e => e.Type == "CALL_CLOSED", TimeSpan.FromSeconds(1), CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal("1", first?.CallId);
        Assert.Equal("2", second?.CallId);
        Assert.Null(await third);
        Assert.Equal(2, log.Snapshot().Count);
    }

    [Fact]
    public async Task TakeAsync_WhenMatchingEventArrivesDuringTheWait_CompletesWithIt()
    {
        var log = new BaresipEventLog(_time);
        var waiting = log.TakeAsync(e => e.Type == "CALL_INCOMING", TimeSpan.FromSeconds(5), CancellationToken.None);

        log.Add(Event("CALL_RINGING", "1"));
        Assert.False(waiting.IsCompleted);
        log.Add(Event("CALL_INCOMING", "2"));

        Assert.Equal("2", (await waiting)?.CallId);
    }

    [Fact]
    public async Task TakeAsync_WhenNothingMatchesBeforeTheTimeout_ReturnsNullAndLaterEventsStayClaimable()
    {
        var log = new BaresipEventLog(_time);
        var waiting = log.TakeAsync(e => e.Type == "REGISTER_OK", TimeSpan.FromSeconds(2), CancellationToken.None);

        _time.Advance(TimeSpan.FromSeconds(1.9));
        Assert.False(waiting.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(0.1));
        Assert.Null(await waiting);

        log.Add(Event("REGISTER_OK", "late"));
        var late = await log.TakeAsync(e => e.Type == "REGISTER_OK", TimeSpan.Zero, CancellationToken.None);
        Assert.Equal("late", late?.CallId);
    }

    private static BaresipEvent Event(string type, string id) => new(type, "call", null, null, null, id, null, "{}");
}
