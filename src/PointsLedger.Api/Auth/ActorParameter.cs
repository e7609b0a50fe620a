using System.Reflection;
using JasperFx;
using JasperFx.CodeGeneration.Frames;
using JasperFx.CodeGeneration.Model;
using Wolverine.Http;
using Wolverine.Http.CodeGen;

namespace PointsLedger.Auth;

/// <summary>An endpoint's <see cref="Actor"/> parameter is the caller, read from the bearer token once, here.</summary>
public sealed class ActorParameter : IParameterStrategy
{
    public bool TryMatch(HttpChain chain, IServiceContainer container, ParameterInfo parameter, out Variable? variable)
    {
        variable = null;
        if (parameter.ParameterType != typeof(Actor)) return false;
        variable = new MethodCall(typeof(Actor), nameof(Actor.From)).ReturnVariable!;
        // Named as the endpoint names it, so it cannot collide with a query value called "actor".
        variable.OverrideName(parameter.Name!);
        return true;
    }
}
