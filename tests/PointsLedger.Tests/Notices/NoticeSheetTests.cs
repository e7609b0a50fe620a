using PointsLedger.Notices;

namespace PointsLedger.Tests.Notices;

public sealed class NoticeSheetTests
{
    private static readonly DateOnly October = new(2026, 10, 1);
    private static readonly DateTimeOffset RegisteredInSeptember = new(2026, 9, 1, 0, 0, 0, TimeSpan.FromHours(8));

    private static LedgerEntry Earned(string kind, PointColor color, int points, DateOnly on, int? available = null) =>
        new(1, RegisteredInSeptember, kind, Guid.NewGuid(), "R1", color, on, points, available ?? points, "cadre-1", null);

    private static LedgerEntry Moved(string kind, PointColor color, int available, DateOnly on) =>
        new(1, RegisteredInSeptember, kind, null, null, color, on, 0, available, "clerk-1", null);

    private static HouseholdHistory Household(string no, string name, params LedgerEntry[] entries) => new(no, name, RegisteredInSeptember, entries);

    private static NoticeContent Compute(params HouseholdHistory[] households) =>
        NoticeSheet.Compute(Given.Village(Given.Rule("R1", PointColor.Red, 5)), October, "previous", households, no => $"P{no}");

    [Fact]
    public void Each_line_has_the_months_points_by_colour_the_year_so_far_what_was_spent_and_what_is_left()
    {
        var content = Compute(Household("001", "张三明",
            Earned("award", PointColor.Red, 10, new(2026, 3, 1)),
            Earned("award", PointColor.Green, 5, new(2026, 10, 2)),
            Earned("deduction", PointColor.Green, -2, new(2026, 10, 3)),
            Moved("redemption", PointColor.Red, -4, new(2026, 10, 9)),
            Moved("redemption-reversed", PointColor.Red, 1, new(2026, 10, 10)),
            Earned("award", PointColor.Blue, 7, new(2026, 11, 1)),
            Moved("redemption", PointColor.Red, -6, new(2026, 11, 2))));

        var line = Assert.Single(content.Households);
        Assert.Equal("张*明", line.Name);
        Assert.Equal(new ColorTotals(0, 0, 0, 3, 0), line.Earned);
        Assert.Equal(13, line.YearToDate.Total);
        Assert.Equal(3, line.Spent);
        Assert.Equal(10, line.Available);
        Assert.Equal("P001", line.ProofCode);
        Assert.Equal(["award", "deduction"], content.Entries.Select(e => e.Kind));
        Assert.Equal("细则R1", content.Entries[0].RuleTitle);
    }

    [Fact]
    public void Households_with_equal_points_this_year_share_a_rank_and_the_next_rank_skips()
    {
        var content = Compute(
            Household("001", "甲一", Earned("award", PointColor.Red, 10, new(2026, 10, 1))),
            Household("002", "乙二", Earned("award", PointColor.Red, 20, new(2026, 10, 1))),
            Household("003", "丙三", Earned("award", PointColor.Blue, 10, new(2026, 9, 1))),
            Household("004", "丁四", Earned("award", PointColor.Red, 5, new(2026, 10, 1))));

        Assert.Equal([2, 1, 2, 4], content.Households.Select(l => l.Rank));
    }

    [Fact]
    public void The_totals_are_the_sum_of_the_lines_and_the_digest_covers_every_line()
    {
        var households = new[]
        {
            Household("001", "甲一", Earned("award", PointColor.Red, 10, new(2026, 10, 1))),
            Household("002", "乙二", Earned("award", PointColor.Orange, 3, new(2026, 10, 5)), Moved("redemption", PointColor.Orange, -2, new(2026, 10, 6))),
        };
        var content = Compute(households);
        var changed = Compute(households[0], Household("002", "乙二", Earned("award", PointColor.Orange, 4, new(2026, 10, 5))));

        Assert.Equal(new ColorTotals(10, 0, 3, 0, 0), content.Totals.Earned);
        Assert.Equal(2, content.Totals.Spent);
        Assert.Equal(content.Digest(), Compute(households).Digest());
        Assert.NotEqual(content.Digest(), changed.Digest());
        Assert.NotEqual(content.MerkleRoot, changed.MerkleRoot);
    }

    [Fact]
    public void A_household_registered_after_the_month_with_nothing_dated_in_it_is_not_on_the_notice()
    {
        var late = new HouseholdHistory("009", "晚到", new DateTimeOffset(2026, 11, 3, 0, 0, 0, TimeSpan.FromHours(8)), []);

        Assert.Empty(Compute(late).Households);
    }

    [Fact]
    public void A_household_that_moved_out_is_on_the_notices_through_the_month_it_left_and_on_none_after()
    {
        var leftInOctober = Household("001", "张三明", Earned("award", PointColor.Red, 10, new(2026, 9, 1)), Moved("moved-out", PointColor.Red, -10, new(2026, 10, 20)));
        var leftInSeptember = Household("002", "李四英", Moved("moved-out", PointColor.Red, 0, new(2026, 9, 30)));

        var line = Assert.Single(Compute(leftInOctober, leftInSeptember).Households);

        Assert.Equal(("001", 0), (line.HouseholdNo, line.Available));
    }

    [Fact]
    public void The_notice_names_the_household_by_its_head_on_the_last_day_of_the_month()
    {
        var household = Household("001", "张三明") with { LaterHeads = [(new DateOnly(2026, 10, 31), "李四芳"), (new DateOnly(2026, 11, 2), "王五")] };

        Assert.Equal("李*芳", Assert.Single(Compute(household).Households).Name);
    }
}
