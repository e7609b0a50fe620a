using System.Globalization;

namespace PointsLedger.Problems;

/// <summary>A problem the API can answer with (<see cref="ProblemCodes"/>): code, status, and the detail in both languages.</summary>
public sealed record ProblemCode(string Code, int Status, string Chinese, string English)
{
    public string Detail(object[] args, CultureInfo culture) =>
        string.Format(culture, culture.TwoLetterISOLanguageName == "zh" ? Chinese : English, args);
}
