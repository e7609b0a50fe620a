namespace PointsLedger.Notices;

/// <summary>The first event of a notice's own stream: what was posted, its digest, and until when residents may object.</summary>
public sealed record NoticePublished(Guid NoticeId, Guid VillageId, NoticeContent Content, string Digest, DateOnly ObjectionDeadline, string ClosedBy);

/// <summary>A household disputes the notice, or one entry of it (<see cref="EntryNo"/>).</summary>
public sealed record ObjectionRaised(Guid ObjectionId, Guid HouseholdId, string HouseholdNo, int? EntryNo, string Text, DateOnly RaisedOn, string RaisedBy);

/// <summary>
/// Upheld: the approver records the correction in the next open month. Dismissed: the reason says why.
/// </summary>
public sealed record ObjectionAnswered(Guid ObjectionId, bool Upheld, string Answer, DateOnly AnsweredOn, string AnsweredBy);
