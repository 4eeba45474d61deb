using System.Security.Cryptography;

namespace DeskPhone.Sip.Agent;

/// <summary>
/// Random identifiers with enough entropy to be globally unique (RFC 3261 §8.1.1.3 tags,
/// §8.1.1.4 Call-ID, §8.1.1.7 branch with the magic cookie).
/// </summary>
internal static class Identifiers
{
    public static string NewTag() => Random(8);

    public static string NewCallId() => Random(16);

    public static string NewBranch() => Messages.Via.MagicCookie + Random(12);

    public static string NewClientNonce() => Random(8);

    public static uint NewSequence() => (uint)RandomNumberGenerator.GetInt32(1, 1 << 16);

    private static string Random(int bytes) => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(bytes));
}
