using Kiriwake.Evidence.Crypto;
using Kiriwake.Evidence.Tests.Fixtures;

namespace Kiriwake.Evidence.Tests.Crypto;

public class KeybagTests
{
    [Fact]
    public void Parse_KnownAnswerKeybag_ReadsHeaderAndElevenClasses()
    {
        byte[] bytes = KnownAnswer.Keybag();

        var bag = Keybag.Parse(bytes);

        Assert.Equal(1388, bytes.Length);
        Assert.Equal(5, bag.Version);
        Assert.Equal(1, bag.Type);
        Assert.Equal(10000, bag.Iterations);
        Assert.Equal(10_000_000, bag.DoublePassIterations);
        Assert.Equal(20, bag.DoublePassSalt!.Value.Length);
        Assert.Equal(11, bag.ClassKeys.Count);
        Assert.Equal(3, bag.ClassKeys.Single(k => k.ProtectionClass == 5).Wrap);
        Assert.All(bag.ClassKeys, k => Assert.True(k.WrappedByPassword));
    }

    [Fact]
    public void Parse_EveryTruncation_ThrowsKeybagFormatExceptionOrParsesAPrefix()
    {
        byte[] bytes = KnownAnswer.Keybag();

        for (int length = 0; length < bytes.Length; length++)
        {
            var e = Record.Exception(() => Keybag.Parse(bytes.AsSpan(0, length)));
            Assert.True(e is null or KeybagFormatException, $"length {length}: {e?.GetType().Name}");
        }
    }

    [Theory]
    [InlineData("no salt", "56455253000000040000000549544552000000040000000a")]
    [InlineData("ITER of 3 bytes", "53414c540000000100" + "4954455200000003000001")]
    [InlineData("length past end", "53414c54FFFFFFFF00")]
    [InlineData("short wrapped key", "53414c540000000100" + "495445520000000400000001" + "555549440000000100" + "555549440000000100" + "434c41530000000400000001" + "57504b59000000020101")]
    public void Parse_Malformed_ThrowsKeybagFormatException(string why, string hex)
    {
        var e = Record.Exception(() => Keybag.Parse(Convert.FromHexString(hex)));

        Assert.True(e is KeybagFormatException, $"{why}: {e?.GetType().Name ?? "no exception"}");
    }
}
