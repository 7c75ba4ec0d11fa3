using System.Security.Cryptography;

namespace Kiriwake.Web.Store;

/// <summary>Session ids: 128 bits from the system's cryptographic generator, as 32 lowercase hex digits.</summary>
public static class SessionIds
{
    public const int Length = 32;

    public static string New() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public static bool IsWellFormed(string? id) =>
        id is { Length: Length } && id.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));
}
