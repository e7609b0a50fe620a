using FluentValidation;
using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.CodeGeneration.Frames;
using Wolverine.Http;

namespace PointsLedger.Http;

/// <summary>
/// Every endpoint whose request type has a nested <c>Validator</c> checks it before anything is loaded
/// (<see cref="CommandShape.Check{T, TValidator}"/>); a refusal ends the request with the problem it returns.
/// </summary>
public sealed class ValidationPolicy : IHttpPolicy
{
    public void Apply(IReadOnlyList<HttpChain> chains, GenerationRules rules, IServiceContainer container)
    {
        foreach (var chain in chains)
        {
            if (chain.RequestType is not { } request || ValidatorOf(request) is not { } validator) continue;
            var check = typeof(CommandShape).GetMethod(nameof(CommandShape.Check))!.MakeGenericMethod(request, validator);
            // First, ahead of the streams [WriteStream] loads: a malformed command takes no lock.
            chain.Middleware.Insert(0, new MethodCall(typeof(CommandShape), check));
        }
    }

    public static Type? ValidatorOf(Type request) =>
        request.GetNestedType("Validator") is { } validator && typeof(IValidator<>).MakeGenericType(request).IsAssignableFrom(validator)
            ? validator
            : null;
}
