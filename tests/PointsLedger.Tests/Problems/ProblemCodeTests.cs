using System.Reflection;
using System.Text.RegularExpressions;
using PointsLedger.Problems;

namespace PointsLedger.Tests.Problems;

public sealed class ProblemCodeTests
{
    private static readonly ProblemCode[] All = typeof(ProblemCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(field => (ProblemCode)field.GetValue(null)!).ToArray();

    [Fact]
    public void Every_code_is_declared_once_with_a_status_and_both_texts_taking_the_same_arguments()
    {
        Assert.True(All.Length > 80);
        Assert.Equal(All.Length, All.Select(p => p.Code).Distinct().Count());
        Assert.All(All, problem =>
        {
            Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", problem.Code);
            Assert.InRange(problem.Status, 400, 599);
            Assert.NotEmpty(problem.Chinese);
            Assert.NotEmpty(problem.English);
            Assert.Equal(Placeholders(problem.Chinese), Placeholders(problem.English));
        });
    }

    [Fact]
    public void A_detail_is_in_the_readers_language()
    {
        var problem = ProblemCodes.MonthlyCapReached;

        Assert.Contains("孝老爱亲", problem.Detail(["孝老爱亲", 10, 10, 5], new System.Globalization.CultureInfo("zh-CN")));
        Assert.Contains("the cap is 10", problem.Detail(["孝老爱亲", 10, 10, 5], new System.Globalization.CultureInfo("en")));
    }

    private static string[] Placeholders(string text) => Regex.Matches(text, @"\{(\d+)").Select(m => m.Groups[1].Value).Distinct().Order().ToArray();
}
