using System.Reflection;
using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.CodeGeneration.Frames;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace PointsLedger.Idempotency;

/// <summary>
/// Every POST endpoint that writes through a Marten session stores its answer for the request's
/// Idempotency-Key in that session, just before the commit, so the answer and the events commit
/// together. Endpoints remember nothing by hand.
/// </summary>
public sealed class IdempotentAnswersPolicy : IHttpPolicy
{
    public void Apply(IReadOnlyList<HttpChain> chains, GenerationRules rules, IServiceContainer container)
    {
        foreach (var chain in chains.Where(Writes))
        {
            chain.Postprocessors.Insert(0, Remember(chain));
        }
    }

    /// <summary>A signed-in POST that writes through a Marten session; anonymous routes (sign-in, refresh) answer with secrets, which are never kept.</summary>
    public static bool Writes(HttpChain chain) =>
        chain.HttpMethods.Contains("POST")
        && chain.Method.Method.GetParameters().Any(parameter =>
            parameter.ParameterType == typeof(IDocumentSession) || parameter.GetCustomAttribute<WriteAggregateAttribute>() is not null)
        && chain.ResourceType != typeof(IResult)
        && chain.Method.Method.GetCustomAttribute<AllowAnonymousAttribute>() is null;

    private static MethodCall Remember(HttpChain chain)
    {
        if (chain.ResourceType is null || chain.ResourceType == typeof(void))
        {
            return new MethodCall(typeof(IdempotentResponses), nameof(IdempotentResponses.RememberNoContent));
        }
        var method = typeof(IdempotentResponses).GetMethod(nameof(IdempotentResponses.Remember), BindingFlags.Public | BindingFlags.Static)!
            .MakeGenericMethod(chain.ResourceType);
        var call = new MethodCall(typeof(IdempotentResponses), method);
        call.Arguments[2] = chain.Method.Creates.First();
        return call;
    }
}
