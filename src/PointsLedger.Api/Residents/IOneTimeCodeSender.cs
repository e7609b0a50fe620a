using PointsLedger.Problems;
namespace PointsLedger.Residents;

/// <summary>Delivers a one-time code to a phone; a deployment plugs in its SMS gateway.</summary>
public interface IOneTimeCodeSender
{
    Task SendAsync(string phone, string code, CancellationToken ct);
}

/// <summary>Development: the code goes to the log, next to the masked phone, instead of an SMS.</summary>
public sealed class LoggingCodeSender(ILogger<LoggingCodeSender> logger) : IOneTimeCodeSender
{
    public Task SendAsync(string phone, string code, CancellationToken ct)
    {
        logger.LogInformation("One-time code for {Phone}: {Code}", OneTimeCodes.MaskPhone(phone), code);
        return Task.CompletedTask;
    }
}

/// <summary>Outside Development, until an SMS gateway is configured, residents cannot get codes: each code is logged as not delivered.</summary>
public sealed class NoCodeSender : IOneTimeCodeSender
{
    public Task SendAsync(string phone, string code, CancellationToken ct) =>
        throw new Refusal(ProblemCodes.SmsUnavailable);
}
