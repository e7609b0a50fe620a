using FluentValidation;

namespace PointsLedger.Ledger;

public enum CapPeriod
{
    Month,
    Quarter,
    Year,
    /// <summary>Once per household for as long as the rule lasts.</summary>
    Once,
}

/// <summary>At most <see cref="Points"/> points a household may get from one rule per <see cref="Per"/>.</summary>
public sealed record RuleCap(int Points, CapPeriod Per)
{
    /// <summary>Whether a month ("2026-10") falls in the same cap period as the day.</summary>
    public bool Covers(string month, DateOnly day)
    {
        var first = Months.FirstDayOf(month);
        return Per switch
        {
            CapPeriod.Month => first.Year == day.Year && first.Month == day.Month,
            CapPeriod.Quarter => first.Year == day.Year && (first.Month - 1) / 3 == (day.Month - 1) / 3,
            CapPeriod.Year => first.Year == day.Year,
            _ => true,
        };
    }
}

public sealed class RuleCapValidator : AbstractValidator<RuleCap>
{
    public RuleCapValidator()
    {
        RuleFor(x => x.Points).InclusiveBetween(1, 100_000);
        RuleFor(x => x.Per).IsInEnum();
    }
}
