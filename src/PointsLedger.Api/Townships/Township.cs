using System.Collections.Immutable;
using PointsLedger.Ledger;
using PointsLedger.Security;

namespace PointsLedger.Townships;

/// <summary>
/// A rule the township offers its villages (积分细则模板): villages adopt it keeping its colour and title,
/// with their own points between <see cref="MinPoints"/> and <see cref="MaxPoints"/>.
/// </summary>
public sealed record RuleTemplateDefined(
    string Township, string Code, PointColor Color, string Title, int MinPoints, int MaxPoints, RuleCap? Cap,
    bool RequiresApproval, bool RequiresEvidence, string DefinedBy);

public sealed record RuleTemplate(
    string Code, PointColor Color, string Title, int MinPoints, int MaxPoints, RuleCap? Cap, bool RequiresApproval, bool RequiresEvidence);

/// <summary>A township's catalogue of rule templates: one stream per township, keyed by its name.</summary>
public sealed record Township(Guid Id, string Name, ImmutableDictionary<string, RuleTemplate> Templates)
{
    /// <summary>Townships are known by name (villages name theirs), so the stream id is derived from it.</summary>
    public static Guid IdFor(string township) => new(Convert.FromHexString(Digest.Sha256Hex($"township:{township}"))[..16]);

    public static Township Create(RuleTemplateDefined e) =>
        new Township(IdFor(e.Township), e.Township, ImmutableDictionary<string, RuleTemplate>.Empty).Apply(e);

    public Township Apply(RuleTemplateDefined e) => this with
    {
        Templates = Templates.Add(e.Code, new RuleTemplate(e.Code, e.Color, e.Title, e.MinPoints, e.MaxPoints, e.Cap, e.RequiresApproval, e.RequiresEvidence)),
    };
}
