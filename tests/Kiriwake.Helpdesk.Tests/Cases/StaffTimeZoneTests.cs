using Kiriwake.Web.Helpdesk;

namespace Kiriwake.Helpdesk.Tests.Cases;

public sealed class StaffTimeZoneTests
{
    private static readonly StaffTimeZone Tokyo = StaffTimeZone.FromConfiguration("Asia/Tokyo");
    private static readonly StaffTimeZone NewYork = StaffTimeZone.FromConfiguration("America/New_York");

    [Fact]
    public void Parse_TokyoFormValue_IsThatLocalTime()
    {
        var at = Tokyo.Parse("2026-12-02T14:05");

        Assert.Equal(new DateTimeOffset(2026, 12, 2, 5, 5, 0, TimeSpan.Zero), at!.Value.ToUniversalTime());
    }

    [Fact]
    public void ShowAndFormValue_UtcMoment_InTheZoneWithItsOffset()
    {
        var at = new DateTimeOffset(2026, 12, 2, 5, 5, 0, TimeSpan.Zero);

        Assert.Equal("2026-12-02 14:05 (UTC+09:00)", Tokyo.Show(at));
        Assert.Equal("2026-12-02T14:05", Tokyo.FormValue(at));
        Assert.Equal("2026-12-02 00:05 (UTC-05:00)", NewYork.Show(at));
        Assert.Equal("2026-12-02 05:05 (UTC)", new StaffTimeZone(TimeZoneInfo.Utc).Show(at));
    }

    [Fact]
    public void Parse_SummerTimeOffset_FollowsTheDate()
    {
        Assert.Equal(TimeSpan.FromHours(-4), NewYork.Parse("2026-07-01T12:00")!.Value.Offset);
        Assert.Equal(TimeSpan.FromHours(-5), NewYork.Parse("2026-12-01T12:00")!.Value.Offset);
    }

    [Theory]
    [InlineData("2026-03-08T02:30")] // skipped when New York's clocks move forward
    [InlineData("yesterday")]
    [InlineData("")]
    [InlineData(null)]
    public void Parse_NotATimeThatExists_Null(string? typed) => Assert.Null(NewYork.Parse(typed));

    [Fact]
    public void FromConfiguration_UnknownZone_NamesTheSetting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => StaffTimeZone.FromConfiguration("Mars/Olympus"));

        Assert.Contains("Helpdesk:TimeZone", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromConfiguration_Unset_TheServersZone() => Assert.Equal(TimeZoneInfo.Local, StaffTimeZone.FromConfiguration(null).Zone);
}
