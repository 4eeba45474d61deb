namespace DeskPhone.Media.Tests;

/// <summary>Sequence equality that names the first difference, for long codec outputs.</summary>
internal static class Identical
{
    public static void Assert<T>(T[] expected, T[] actual, string what)
        where T : IEquatable<T>
    {
        Xunit.Assert.Equal(expected.Length, actual.Length);
        int index = expected.AsSpan().CommonPrefixLength(actual);
        Xunit.Assert.True(
            index == expected.Length,
            index == expected.Length ? null : $"{what}: first difference at {index} of {expected.Length}: expected {expected[index]}, got {actual[index]}");
    }
}
