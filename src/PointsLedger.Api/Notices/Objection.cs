using JasperFx.Events;
using Marten.Events.Projections;

namespace PointsLedger.Notices;

/// <summary>One objection to a notice and its answer, projected in the transaction that records it from the notice stream's events.</summary>
public sealed record Objection(
    Guid Id, Guid NoticeId, Guid HouseholdId, string HouseholdNo, int? EntryNo, string Text, DateOnly RaisedOn,
    string? Outcome, string? Answer, DateOnly? AnsweredOn)
{
    public bool IsOpen => Outcome is null;
}

public sealed class ObjectionProjection : MultiStreamProjection<Objection, Guid>
{
    public ObjectionProjection()
    {
        Identity<ObjectionRaised>(e => e.ObjectionId);
        Identity<ObjectionAnswered>(e => e.ObjectionId);
    }

    public static Objection Create(IEvent<ObjectionRaised> e) => new(
        e.Data.ObjectionId, e.StreamId, e.Data.HouseholdId, e.Data.HouseholdNo, e.Data.EntryNo, e.Data.Text, e.Data.RaisedOn, null, null, null);

    public static Objection Apply(ObjectionAnswered e, Objection objection) =>
        objection with { Outcome = e.Upheld ? "upheld" : "dismissed", Answer = e.Answer, AnsweredOn = e.AnsweredOn };
}
