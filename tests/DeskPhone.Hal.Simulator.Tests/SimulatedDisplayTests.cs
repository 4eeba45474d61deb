using DeskPhone.Hal.Simulator;
using Microsoft.Extensions.Time.Testing;

namespace DeskPhone.Hal.Simulator.Tests;

public sealed class SimulatedDisplayTests
{
    [Fact]
    public void NewDisplay_ShowsBlankRowsOfFullWidth()
    {
        var display = new SimulatedDisplay();

        Assert.Equal(20, display.Columns);
        Assert.Equal(4, display.Rows);
        Assert.All(display.Lines, line => Assert.Equal(new string(' ', 20), line));
    }

    [Fact]
    public void Show_PadsShortRowsCutsLongRowsAndFillsMissingRows()
    {
        var display = new SimulatedDisplay(columns: 5, rows: 3);

        display.Show(["ab", "abcdefgh"]);

        Assert.Equal(["ab   ", "abcde", "     "], display.Lines);
        Assert.Equal("ab   \nabcde\n     ", display.Snapshot());
    }

    [Fact]
    public void Show_IgnoresRowsBeyondTheDisplay()
    {
        var display = new SimulatedDisplay(columns: 3, rows: 1);

        display.Show(["one", "two"]);

        Assert.Equal(["one"], display.Lines);
    }

    [Fact]
    public void Show_RaisesChangedOnlyWhenTheTextChanges()
    {
        var display = new SimulatedDisplay();
        int changes = 0;
        display.Changed += () => changes++;

        display.Show(["Ready"]);
        display.Show(["Ready"]);
        display.Show(["Ready".PadRight(20), "", "", ""]);
        display.Show(["Dialling"]);

        Assert.Equal(2, changes);
    }

    [Fact]
    public void SetBacklight_RaisesChangedOnlyOnChange()
    {
        var display = new SimulatedDisplay();
        int changes = 0;
        display.Changed += () => changes++;

        display.SetBacklight(true);
        display.SetBacklight(false);
        display.SetBacklight(false);

        Assert.False(display.Backlight);
        Assert.Equal(1, changes);
    }

    [Fact]
    public void Lines_CannotBeModifiedThroughTheList()
    {
        var display = new SimulatedDisplay();

        Assert.IsNotType<string[]>(display.Lines);
    }

    [Fact]
    public async Task WaitForAsync_WhenScreenAlreadyMatches_CompletesTrueAtOnce()
    {
        var display = new SimulatedDisplay(timeProvider: new FakeTimeProvider());
        display.Show(["Ready"]);

        Task<bool> wait = display.WaitForTextAsync("Ready", TimeSpan.FromSeconds(5));

        Assert.True(wait.IsCompleted);
        Assert.True(await wait);
    }

    [Fact]
    public async Task WaitForAsync_CompletesTrueWhenALaterChangeMatches()
    {
        var display = new SimulatedDisplay(timeProvider: new FakeTimeProvider());
        Task<bool> wait = display.WaitForAsync(lines => lines[1].StartsWith("200", StringComparison.Ordinal), TimeSpan.FromSeconds(5));

        display.Show(["Dialling", "2"]);
        Assert.False(wait.IsCompleted);
        display.Show(["Dialling", "200"]);

        Assert.True(await wait);
    }

    [Fact]
    public async Task WaitForAsync_WhenTimeoutPassesFirst_CompletesFalse()
    {
        var time = new FakeTimeProvider();
        var display = new SimulatedDisplay(timeProvider: time);
        Task<bool> wait = display.WaitForTextAsync("Connected", TimeSpan.FromSeconds(5));

        time.Advance(TimeSpan.FromSeconds(4));
        Assert.False(wait.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.False(await wait);
    }

    [Fact]
    public async Task WaitForAsync_WithZeroTimeout_OnlyChecksTheCurrentScreen()
    {
        var display = new SimulatedDisplay(timeProvider: new FakeTimeProvider());
        display.Show(["Ready"]);

        Assert.False(await display.WaitForTextAsync("Busy", TimeSpan.Zero));
        Assert.True(await display.WaitForTextAsync("Ready", TimeSpan.Zero));
    }

    [Fact]
    public async Task WaitForAsync_WhenCancelled_ThrowsOperationCanceled()
    {
        var display = new SimulatedDisplay(timeProvider: new FakeTimeProvider());
        using var cancel = new CancellationTokenSource();
        Task<bool> wait = display.WaitForTextAsync("Connected", Timeout.InfiniteTimeSpan, cancel.Token);

        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
    }

    [Fact]
    public async Task WaitForAsync_WhenPredicateThrows_FaultsTheWaitNotTheCallerOfShow()
    {
        var display = new SimulatedDisplay(timeProvider: new FakeTimeProvider());
        Task<bool> wait = display.WaitForAsync(
            lines => lines[0].StartsWith('X') ? throw new InvalidOperationException("bad predicate") : false,
            TimeSpan.FromSeconds(5));

        display.Show(["X"]);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => wait);
        Assert.Equal("bad predicate", error.Message);
    }

    [Fact]
    public async Task WaitForAsync_Unsubscribes_WhenDone()
    {
        var display = new SimulatedDisplay(timeProvider: new FakeTimeProvider());
        int predicateCalls = 0;
        Task<bool> wait = display.WaitForAsync(
            _ =>
            {
                predicateCalls++;
                return predicateCalls == 2;
            },
            TimeSpan.FromSeconds(5));
        display.Show(["a"]);
        Assert.True(await wait);

        display.Show(["b"]);

        Assert.Equal(2, predicateCalls);
    }
}
