namespace PointsLedger.Idempotency;

/// <summary>
/// The first response to a request carrying an Idempotency-Key, stored in the same transaction as
/// the events it caused: either both are committed or neither is.
/// </summary>
public sealed record IdempotentResponse(
    string Id, string RequestHash, int StatusCode, string Body, string? Location, DateTimeOffset RecordedAt, string? ContentType = null);
