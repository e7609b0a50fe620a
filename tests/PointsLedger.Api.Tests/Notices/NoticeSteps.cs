using PointsLedger.Http;
using System.Net;

namespace PointsLedger.Api.Tests.Notices;

/// <summary>Notice tests work in last month, which has always ended, whatever day the tests run.</summary>
public sealed class LastMonth(TimeProvider clock)
{
    public LastMonth(LedgerApp app) : this(app.Clock)
    {
    }

    public DateOnly FirstDay { get; } = new DateOnly(clock.Today().Year, clock.Today().Month, 1).AddMonths(-1);

    public string Text => FirstDay.ToString("yyyy-MM");

    public string Day(int day) => FirstDay.AddDays(day - 1).ToString("yyyy-MM-dd");

    /// <summary>A moment on that day, at noon in the villages' time zone.</summary>
    public DateTimeOffset Noon(int day) => new(FirstDay.AddDays(day - 1).ToDateTime(new TimeOnly(12, 0)), TimeSpan.FromHours(8));
}

public static class NoticeSteps
{
    public static Task<Response> CloseMonth(this LedgerClient api, TestVillage village, string month, string? token = null) =>
        api.Post($"/api/villages/{village.Id}/notices", new { month }, token ?? village.Approver);

    public static async Task<Guid> AwardOn(this LedgerClient api, TestVillage village, Guid household, string rule, string day) =>
        (await api.Award(village, household, rule, day)).ShouldBe(HttpStatusCode.Created).Guid("awardId");
}
