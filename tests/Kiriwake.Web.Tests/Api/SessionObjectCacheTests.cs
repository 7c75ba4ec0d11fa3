using Kiriwake.Web.Api;
using Kiriwake.Web.Store;

namespace Kiriwake.Web.Tests.Api;

public sealed class SessionObjectCacheTests
{
    /// <summary>Stands for the knowledge models an object was worked out with (compared by reference).</summary>
    private static readonly object s_knowledge = new();

    [Fact]
    public void Get_OtherKnowledge_ReturnsNull()
    {
        // An admin approving a learned overlay switches the models: a kept object worked out before is not sent.
        using var cache = new SessionObjectCache(1024 * 1024);
        cache.Put("a", 3, s_knowledge, [1, 2, 3]);

        Assert.Null(cache.Get("a", 3, new object()));
        Assert.Equal([1, 2, 3], cache.Get("a", 3, s_knowledge));
    }

    [Fact]
    public void Put_OlderVersionWithNewKnowledge_ReplacesTheOldKnowledge()
    {
        using var cache = new SessionObjectCache(1024 * 1024);
        var switched = new object();
        cache.Put("a", 5, s_knowledge, [5]);
        cache.Put("a", 5, switched, [6]);

        Assert.Equal([6], cache.Get("a", 5, switched));
    }

    [Fact]
    public void Get_OtherVersion_ReturnsNull()
    {
        using var cache = new SessionObjectCache(1024 * 1024);
        cache.Put("a", 3, s_knowledge, [1, 2, 3]);

        Assert.Equal([1, 2, 3], cache.Get("a", 3, s_knowledge));
        Assert.Null(cache.Get("a", 4, s_knowledge));
        Assert.Null(cache.Get("a", 2, s_knowledge));
        Assert.Null(cache.Get("b", 3, s_knowledge));
    }

    [Fact]
    public void Put_OlderVersionAfterNewer_KeepsTheNewer()
    {
        using var cache = new SessionObjectCache(1024 * 1024);
        cache.Put("a", 5, s_knowledge, [5]);
        cache.Put("a", 4, s_knowledge, [4]);

        Assert.Equal([5], cache.Get("a", 5, s_knowledge));
        Assert.Null(cache.Get("a", 4, s_knowledge));
    }

    [Fact]
    public void Put_ManyMoreBytesThanTheBound_KeepsAtMostTheBound()
    {
        const int bound = 64 * 1024;
        using var cache = new SessionObjectCache(bound);
        for (var i = 0; i < 1000; i++)
        {
            cache.Put("s" + i, 1, s_knowledge, new byte[1000]);
        }

        // Each entry costs its bytes and some bookkeeping: far fewer than the 1,000 offered fit in 64 KB.
        Assert.InRange(cache.Count, 1, bound / 1000);
    }

    [Fact]
    public void Put_ZeroCapacity_KeepsNothing()
    {
        using var cache = new SessionObjectCache(0);
        cache.Put("a", 1, s_knowledge, [1]);

        Assert.Null(cache.Get("a", 1, s_knowledge));
        Assert.Equal(0, cache.Count);
    }
    [Fact]
    public void GetRow_AfterPut_ReturnsACopyOfTheRowWhateverTheKnowledge()
    {
        using var cache = new SessionObjectCache(1024 * 1024);
        cache.Put("a", 3, s_knowledge, [1], Row("a", 3, "log-3"));

        var row = cache.GetRow("a");
        Assert.NotNull(row);
        Assert.Equal(("a", 3, "log-3"), (row.Id, row.EventCount, row.Log));
        row.Log = "changed by a request";
        Assert.Equal("log-3", cache.GetRow("a")!.Log);
        Assert.Null(cache.GetRow("b"));
    }

    [Fact]
    public void Put_RowOfAnotherVersion_IsRefused()
    {
        using var cache = new SessionObjectCache(1024 * 1024);

        Assert.Throws<ArgumentException>(() => cache.Put("a", 3, s_knowledge, [1], Row("a", 4, "log")));
        Assert.Throws<ArgumentException>(() => cache.Put("a", 3, s_knowledge, [1], Row("b", 3, "log")));
    }

    [Fact]
    public void Put_RowsWithLongLogs_CountTheirLogsInTheBound()
    {
        const int bound = 256 * 1024;
        using var cache = new SessionObjectCache(bound);
        var log = new string('x', 10_000); // 20 KB as UTF-16
        for (var i = 0; i < 1000; i++)
        {
            cache.Put("s" + i, 1, s_knowledge, new byte[1000], Row("s" + i, 1, log));
        }

        Assert.InRange(cache.Count, 1, bound / 21_000);
        Assert.InRange(cache.EstimatedBytes, 1, bound);
    }

    private static SessionRow Row(string id, int version, string log) => new()
    {
        Id = id,
        SymptomId = "s",
        Language = "en",
        Log = log,
        EventCount = version,
        CreatedAt = DateTimeOffset.UnixEpoch,
        ExpiresAt = DateTimeOffset.UnixEpoch.AddDays(1),
    };
}
