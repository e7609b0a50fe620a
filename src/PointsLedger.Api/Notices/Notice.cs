using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;

namespace PointsLedger.Notices;

public sealed record Objection(
    Guid Id, Guid HouseholdId, string HouseholdNo, int? EntryNo, string Text, DateOnly RaisedOn, string? Outcome, string? Answer, DateOnly? AnsweredOn)
{
    public bool IsOpen => Outcome is null;
}

/// <summary>A closed month's notice (村务公开): what was posted, and the objections raised against it.</summary>
public sealed record Notice(
    Guid Id, Guid VillageId, NoticeContent Content, string Digest, DateOnly ObjectionDeadline, string ClosedBy, ImmutableList<Objection> Objections)
{
    /// <summary>One notice per village and month, found without a lookup.</summary>
    public static Guid IdFor(Guid villageId, string month) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes($"notice:{villageId:N}:{month}")).AsSpan(0, 16));

    public bool IsFinal(DateOnly today) => today > ObjectionDeadline;

    public static Notice Create(NoticePublished e) => new(e.NoticeId, e.VillageId, e.Content, e.Digest, e.ObjectionDeadline, e.ClosedBy, []);

    public Notice Apply(ObjectionRaised e) =>
        this with { Objections = Objections.Add(new Objection(e.ObjectionId, e.HouseholdId, e.HouseholdNo, e.EntryNo, e.Text, e.RaisedOn, null, null, null)) };

    public Notice Apply(ObjectionAnswered e)
    {
        var index = Objections.FindIndex(o => o.Id == e.ObjectionId);
        return this with
        {
            Objections = Objections.SetItem(index, Objections[index] with { Outcome = e.Upheld ? "upheld" : "dismissed", Answer = e.Answer, AnsweredOn = e.AnsweredOn }),
        };
    }
}
