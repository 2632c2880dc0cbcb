using Petition.Web.Accounts;
using Petition.Web.Admin;
using Petition.Web.Admin.Dashboard;
using Petition.Web.Admin.Review;
using Petition.Web.Signatories;

namespace Petition.Tests.Unit;

public class ConsoleLogicTests
{
    [Fact]
    public void A_notable_cursor_round_trips_and_is_never_taken_for_a_date_cursor()
    {
        var cursor = new NotableCursor(3, 42);
        Assert.True(NotableCursor.TryParse(cursor.ToString(), out var parsed));
        Assert.Equal(cursor, parsed);
        Assert.False(SignatoryCursor.TryParse(cursor.ToString(), out _));
        var dated = new SignatoryCursor(DateTimeOffset.UnixEpoch.AddYears(60), 7).ToString();
        Assert.False(NotableCursor.TryParse(dated, out _));
        Assert.False(NotableCursor.TryParse("n1_x", out _));
    }

    [Theory]
    [InlineData("/Admin/Users/Index", true)]
    [InlineData("/Admin/Audit/Index", true)]
    [InlineData("/Admin/Letters/Edit", true)]
    [InlineData("/Admin/Letters/Signatures", false)]
    [InlineData("/Admin/UsersOfSomethingElse", false)]
    public void Admin_only_pages_are_decided_by_one_list(string path, bool adminOnly) =>
        Assert.Equal(adminOnly, AdminAccess.IsAdminOnly(path));

    [Fact]
    public void The_daily_chart_scales_bars_to_the_busiest_day()
    {
        var today = new DateOnly(2026, 11, 27);
        var chart = DailyChart.From(new Dictionary<DateOnly, int> { [today] = 10, [today.AddDays(-1)] = 5 }, today, 7);
        Assert.Equal(7, chart.Bars.Count);
        Assert.Equal(DailyChart.PlotHeight, chart.Bars[^1].Height);
        Assert.Equal(DailyChart.PlotHeight / 2, chart.Bars[^2].Height);
        Assert.Equal(0, chart.Bars[0].Height);
    }

    [Fact]
    public void A_rejection_reason_is_the_choice_and_the_note()
    {
        Assert.Equal("Duplicate of another signature: same as #12", RejectionReasons.Combine("Duplicate of another signature", " same as #12 "));
        Assert.Equal("spam", RejectionReasons.Combine(null, "spam"));
        Assert.Null(RejectionReasons.Combine("", " "));
    }

    [Fact]
    public void The_authenticator_link_names_the_site_and_account()
    {
        var link = AuthenticatorLink.For("Petition", "mod@example.org", "ABCDEFGH");
        Assert.Equal("otpauth://totp/Petition:mod%40example.org?secret=ABCDEFGH&issuer=Petition&digits=6", link);
        Assert.StartsWith("<svg", AuthenticatorLink.QrSvg(link).TrimStart());
        Assert.Equal("abcd efgh", AuthenticatorLink.Readable("ABCDEFGH"));
    }

    [Fact]
    public void A_review_filter_survives_the_round_trip_through_its_query_string()
    {
        var filter = new ReviewFilter { State = Petition.Data.Signatures.SignatureState.AwaitingReview, Domain = "x.org", From = "2026-11-27T10:00", Sort = ReviewSort.Name };
        var values = filter.ToRouteValues();
        Assert.Equal(new Dictionary<string, string> { ["state"] = "AwaitingReview", ["domain"] = "x.org", ["from"] = "2026-11-27T10:00", ["sort"] = "Name" }, values);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero), filter.FromUtc());
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData("2026-11-27", true)]
    [InlineData("2026-11-27T10:00", true)]
    [InlineData("2026-11-27T10:00:00Z", true)]
    [InlineData("27/11/2026", false)]
    [InlineData("2026-11-31", false)]
    [InlineData("yesterday", false)]
    public void A_filter_date_is_a_date_or_an_error_never_nothing(string? from, bool valid)
    {
        var filter = new ReviewFilter { From = from };
        Assert.Equal(valid, new Petition.Web.Signatories.SignatureFilterValidator().Validate(filter).IsValid);
        if (!valid)
            Assert.Throws<InvalidOperationException>(() => filter.FromUtc());
    }
}
