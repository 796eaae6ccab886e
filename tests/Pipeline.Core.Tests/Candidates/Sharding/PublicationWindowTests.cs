using Pipeline.Core.Candidates.Sharding;
using Xunit;

namespace Pipeline.Core.Tests.Candidates.Sharding;

public class PublicationWindowTests
{
    private static readonly DateTimeOffset s_day0 = new(2014, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, true)]
    [InlineData(7, true)]
    [InlineData(-7, true)]
    [InlineData(8, false)]
    [InlineData(-30, false)]
    public void Admits_Dates_SevenDayWindow_WithinSevenDaysEitherWay(int daysLater, bool admitted)
    {
        Assert.Equal(admitted, new PublicationWindow(7).Admits(s_day0, s_day0.AddDays(daysLater)));
    }

    [Fact]
    public void Admits_Dates_ComparedAsUtcDays_AsThePostingsStoreThem()
    {
        // 09:00 on day 0 and 23:59 on day 7 are 7 UTC days apart; 00:01 on day 8 is 8.
        var window = new PublicationWindow(7);
        Assert.True(window.Admits(s_day0, new DateTimeOffset(2014, 12, 8, 23, 59, 0, TimeSpan.Zero)));
        Assert.False(window.Admits(s_day0, new DateTimeOffset(2014, 12, 9, 0, 1, 0, TimeSpan.Zero)));

        // 20:00 at -05:00 on 8 Dec is 01:00 UTC on 9 Dec: day 8.
        Assert.False(window.Admits(s_day0, new DateTimeOffset(2014, 12, 8, 20, 0, 0, TimeSpan.FromHours(-5))));
    }

    [Fact]
    public void Admits_Dates_Unlimited_AdmitsAnySpan()
    {
        Assert.True(PublicationWindow.Unlimited.Admits(s_day0, s_day0.AddYears(20)));
    }

    [Fact]
    public void Admits_Dates_EitherUnknown_Admitted()
    {
        var window = new PublicationWindow(0);
        Assert.True(window.Admits(null, s_day0));
        Assert.True(window.Admits(s_day0, null));
        Assert.False(window.Admits(s_day0, s_day0.AddDays(1)));
    }
}
