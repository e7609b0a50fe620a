using System.Collections.Frozen;
using System.Reflection;

namespace PointsLedger.Problems;

/// <summary>Every declared problem by its code: a refusal recorded as a code (an import's row) is worded again for each reader.</summary>
public static class ProblemCatalog
{
    private static readonly FrozenDictionary<string, ProblemCode> ByCode = typeof(ProblemCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(field => (ProblemCode)field.GetValue(null)!)
        .ToFrozenDictionary(problem => problem.Code);

    public static ProblemCode? Find(string code) => ByCode.GetValueOrDefault(code);
}
