using Kiriwake.Web.Helpdesk.Audit;

namespace Kiriwake.Helpdesk.Tests.Audit;

public sealed class AuditChainTests
{
    private static AuditEvent Row() => new()
    {
        Seq = 1,
        At = new DateTimeOffset(2026, 12, 2, 1, 2, 3, TimeSpan.Zero),
        Actor = "sato",
        Action = "sign-in",
        CaseCode = null,
        Detail = "{}",
        PrevHash = AuditChain.Genesis,
    };

    [Fact]
    public void ComputeHash_SameRow_SameHash()
    {
        Assert.Equal(AuditChain.ComputeHash(Row()), AuditChain.ComputeHash(Row()));
        Assert.Matches("^[0-9a-f]{64}$", AuditChain.ComputeHash(Row()));
    }

    [Fact]
    public void ComputeHash_AnyFieldChanged_DifferentHash()
    {
        var original = AuditChain.ComputeHash(Row());
        var changes = new Action<AuditEvent>[]
        {
            r => r.Seq = 2,
            r => r.At = r.At.AddTicks(10),
            r => r.Actor = "sato2",
            r => r.Action = "sign-out",
            r => r.CaseCode = "",
            r => r.CaseCode = "K7Q4",
            r => r.Detail = "{\"a\":1}",
            r => r.PrevHash = new string('1', 64),
        };
        foreach (var change in changes)
        {
            var row = Row();
            change(row);
            Assert.NotEqual(original, AuditChain.ComputeHash(row));
        }
    }

    [Fact]
    public void ComputeHash_FieldBoundaryMoved_DifferentHash()
    {
        var a = Row();
        a.Actor = "ab";
        a.Action = "c";
        var b = Row();
        b.Actor = "a";
        b.Action = "bc";
        Assert.NotEqual(AuditChain.ComputeHash(a), AuditChain.ComputeHash(b));
    }

    [Fact]
    public void Normalize_SubMicrosecondTicks_Dropped()
    {
        var at = new DateTimeOffset(2026, 12, 2, 1, 2, 3, TimeSpan.FromHours(9)).AddTicks(17);
        var normalized = AuditChain.Normalize(at);
        Assert.Equal(TimeSpan.Zero, normalized.Offset);
        Assert.Equal(at.UtcTicks - 7, normalized.UtcTicks);
    }
}
