using DeskPhone.Sip.Agent;

namespace DeskPhone.Sip.Tests.Agent;

/// <summary>RFC 2782's ordering of SRV targets: priority first, then a weighted random order.</summary>
public sealed class SrvOrderTests
{
    [Fact]
    public void Arrange_LowerPriorityAlwaysFirst_WhateverTheWeights()
    {
        var records = new[] { Choice(20, 100, "c"), Choice(10, 0, "a"), Choice(30, 100, "d"), Choice(10, 0, "b") };

        var order = SrvOrder.Arrange(records, max => max);

        Assert.Equal(["a", "b", "c", "d"], order);
    }

    [Fact]
    public void Arrange_PicksTheFirstRecordWhoseRunningSumReachesTheRandomNumber()
    {
        // Zero weights go first: running sums are z=0, x=10, y=60.
        var records = new[] { Choice(1, 10, "x"), Choice(1, 50, "y"), Choice(1, 0, "z") };
        var picks = new Queue<(int Max, int Value)>([(60, 11), (10, 0), (10, 0)]);

        var order = SrvOrder.Arrange(records, max =>
        {
            var (expectedMax, value) = picks.Dequeue();
            Assert.Equal(expectedMax, max);
            return value;
        });

        Assert.Equal(["y", "z", "x"], order);
        Assert.Empty(picks);
    }

    [Fact]
    public void Arrange_FirstPlaceFollowsTheWeights()
    {
        var random = new Random(2782);
        var records = new[] { Choice(1, 10, "light"), Choice(1, 90, "heavy") };

        var heavyFirst = Enumerable.Range(0, 10_000).Count(_ => SrvOrder.Arrange(records, max => random.Next(max + 1))[0] == "heavy");

        // 89 % expected (90 of the 101 values of the inclusive draw); a fixed seed keeps the count the same every run.
        Assert.InRange(heavyFirst, 8_800, 9_300);
    }

    private static SrvChoice<string> Choice(ushort priority, ushort weight, string target) => new(priority, weight, target);
}
