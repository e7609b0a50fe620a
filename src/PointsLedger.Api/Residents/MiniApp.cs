using PointsLedger.Problems;
namespace PointsLedger.Residents;

/// <summary>
/// The mini-app platform's login: the code its client hands over is exchanged for the user's stable
/// id there (openid). A deployment plugs in the platform's adapter; without one, mini-app sign-in is off.
/// </summary>
public interface IMiniAppIdentity
{
    /// <returns>The openid, or null when the platform refuses the code.</returns>
    Task<string?> OpenIdForAsync(string loginCode, CancellationToken ct);
}

public sealed class NoMiniApp : IMiniAppIdentity
{
    public Task<string?> OpenIdForAsync(string loginCode, CancellationToken ct) =>
        throw new Refusal(ProblemCodes.MiniAppUnavailable);
}

/// <summary>
/// A mini-app user bound to a household by a resident who was signed in by phone code. A binding made
/// before the household's phone last changed (<see cref="PhoneChanges"/> behind) signs nobody in: whoever
/// held the old phone could have bound it.
/// </summary>
public sealed record MiniAppBinding(string Id, Guid HouseholdId, DateTimeOffset BoundAt, int PhoneChanges = 0);
