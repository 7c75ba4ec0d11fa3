using Kiriwake.Evidence.Crypto;

namespace Kiriwake.Evidence.Tests.Crypto;

public class AesKeyWrapTests
{
    [Theory]
    [InlineData("000102030405060708090A0B0C0D0E0F", "00112233445566778899AABBCCDDEEFF", "1FA68B0A8112B447AEF34BD8FB5A7B829D3E862371D2CFE5")]
    [InlineData("000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F", "00112233445566778899AABBCCDDEEFF000102030405060708090A0B0C0D0E0F", "28C9F404C4B810F4CBCCB35CFB87F8263F5786E2D80ED326CBC7F0E71A99F43BFB988B9B7A02DD21")]
    public void WrapAndUnwrap_Rfc3394Vectors_MatchTheRfc(string kek, string key, string wrapped)
    {
        Assert.Equal(wrapped, Convert.ToHexString(AesKeyWrap.Wrap(Convert.FromHexString(kek), Convert.FromHexString(key))));
        Assert.Equal(key, Convert.ToHexString(AesKeyWrap.Unwrap(Convert.FromHexString(kek), Convert.FromHexString(wrapped))!));
    }

    [Fact]
    public void Unwrap_WrongKek_ReturnsNull()
    {
        byte[] wrapped = Convert.FromHexString("1FA68B0A8112B447AEF34BD8FB5A7B829D3E862371D2CFE5");

        Assert.Null(AesKeyWrap.Unwrap(new byte[16], wrapped));
    }

    [Fact]
    public void Unwrap_NotWholeBlocks_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => AesKeyWrap.Unwrap(new byte[32], new byte[20]));
    }
}
