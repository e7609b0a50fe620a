namespace PointsLedger.Residents;

/// <summary>
/// A code to deliver, sealed (<see cref="CodeSeal"/>), sent through Wolverine's durable outbox once the
/// code's record has committed. A phone no household registered gets one that delivers nothing: the
/// request does the same work either way, so its timing does not tell whether the phone is registered.
/// </summary>
public sealed record SendOneTimeCode(string Sealed);

public static class SendOneTimeCodeHandler
{
    /// <summary>A gateway that fails is the operator's problem, not the resident's answer: it is logged, and the resident asks again.</summary>
    public static async Task Handle(SendOneTimeCode message, CodeSeal seal, IOneTimeCodeSender sender, ILogger<SendOneTimeCode> logger, CancellationToken ct)
    {
        var (phone, code) = seal.Open(message.Sealed);
        if (code is null) return;
        try
        {
            await sender.SendAsync(phone, code, ct);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            logger.LogWarning("The one-time code for {Phone} was not delivered: {Failure}", OneTimeCodes.MaskPhone(phone), failure.Message);
        }
    }
}
