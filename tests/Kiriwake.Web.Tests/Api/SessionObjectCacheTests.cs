using Kiriwake.Web.Api;

namespace Kiriwake.Web.Tests.Api;

public sealed class SessionObjectCacheTests
{
    [Fact]
    public void Get_OtherVersion_ReturnsNull()
    {
        using var cache = new SessionObjectCache(1024 * 1024);
        cache.Put("a", 3, [1, 2, 3]);

        Assert.Equal([1, 2, 3], cache.Get("a", 3));
        Assert.Null(cache.Get("a", 4));
        Assert.Null(cache.Get("a", 2));
        Assert.Null(cache.Get("b", 3));
    }

    [Fact]
    public void Put_OlderVersionAfterNewer_KeepsTheNewer()
    {
        using var cache = new SessionObjectCache(1024 * 1024);
        cache.Put("a", 5, [5]);
        cache.Put("a", 4, [4]);

        Assert.Equal([5], cache.Get("a", 5));
        Assert.Null(cache.Get("a", 4));
    }

    [Fact]
    public void Put_ManyMoreBytesThanTheBound_KeepsAtMostTheBound()
    {
        const int bound = 64 * 1024;
        using var cache = new SessionObjectCache(bound);
        for (var i = 0; i < 1000; i++)
        {
            cache.Put("s" + i, 1, new byte[1000]);
        }

        // Each entry costs its bytes and some bookkeeping: far fewer than the 1,000 offered fit in 64 KB.
        Assert.InRange(cache.Count, 1, bound / 1000);
    }

    [Fact]
    public void Put_ZeroCapacity_KeepsNothing()
    {
        using var cache = new SessionObjectCache(0);
        cache.Put("a", 1, [1]);

        Assert.Null(cache.Get("a", 1));
        Assert.Equal(0, cache.Count);
    }
}
