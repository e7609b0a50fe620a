using System.Collections.Concurrent;
using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;
using PointsLedger.Problems;

namespace PointsLedger.Http.OpenApi;

/// <summary>
/// The problem codes an endpoint can answer with, read from the compiled code rather than declared by
/// hand: every <see cref="ProblemCodes"/> field that its method, or any method of this assembly it
/// reaches (async bodies, lambdas, implementations of our interfaces), reads. It over-approximates,
/// as a list of what can happen should; it cannot drift from the code.
/// </summary>
public static class ReachableProblemCodes
{
    private static readonly Dictionary<ushort, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(field => (OpCode)field.GetValue(null)!)
        .ToDictionary(op => (ushort)op.Value);

    private static readonly Assembly Ours = typeof(ReachableProblemCodes).Assembly;
    private static readonly ConcurrentDictionary<MethodInfo, IReadOnlyList<ProblemCode>> Known = new();

    public static IReadOnlyList<ProblemCode> Of(MethodInfo endpoint) => Known.GetOrAdd(endpoint, Search);

    private static IReadOnlyList<ProblemCode> Search(MethodInfo endpoint)
    {
        var codes = new HashSet<ProblemCode>();
        var seen = Bodies(endpoint).ToHashSet();
        var pending = new Stack<MethodBase>(seen);
        while (pending.TryPop(out var method))
        {
            foreach (var member in Operands(method))
            {
                if (member is FieldInfo { IsStatic: true } field && field.DeclaringType == typeof(ProblemCodes)) codes.Add((ProblemCode)field.GetValue(null)!);
                if (member is MethodBase callee) foreach (var body in Bodies(callee)) if (seen.Add(body)) pending.Push(body);
            }
        }
        return [.. codes.OrderBy(code => code.Status).ThenBy(code => code.Code, StringComparer.Ordinal)];
    }

    /// <summary>Where a call made from our code runs: the method, its async or iterator body, or our implementations of an interface method.</summary>
    private static IEnumerable<MethodBase> Bodies(MethodBase method)
    {
        if (method.DeclaringType?.Assembly != Ours) yield break;
        yield return method;
        if ((method.GetCustomAttribute<AsyncStateMachineAttribute>() as StateMachineAttribute ?? method.GetCustomAttribute<IteratorStateMachineAttribute>())
            ?.StateMachineType.GetMethod("MoveNext", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public) is { } moveNext)
        {
            yield return moveNext;
        }
        if (method.DeclaringType is { IsInterface: true } contract)
        {
            foreach (var type in Ours.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && contract.IsAssignableFrom(t) && !t.ContainsGenericParameters))
            {
                var map = type.GetInterfaceMap(contract);
                var index = Array.IndexOf(map.InterfaceMethods, method);
                if (index >= 0) yield return map.TargetMethods[index];
            }
        }
    }

    /// <summary>The fields and methods a method's IL refers to.</summary>
    private static IEnumerable<MemberInfo> Operands(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null) yield break;
        var typeArguments = method.DeclaringType is { IsGenericType: true } type ? type.GetGenericArguments() : null;
        var methodArguments = method is MethodInfo { IsGenericMethod: true } ? method.GetGenericArguments() : null;
        for (var i = 0; i < il.Length;)
        {
            var op = il[i] == 0xFE ? OpCodesByValue[(ushort)(0xFE00 | il[i + 1])] : OpCodesByValue[il[i]];
            i += op.Size;
            if (op.OperandType is OperandType.InlineField or OperandType.InlineMethod)
            {
                var token = BitConverter.ToInt32(il, i);
                if (Resolve(method.Module, token, typeArguments, methodArguments) is { } member) yield return member;
            }
            i += op.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, i),
                _ => 4,
            };
        }
    }

    private static MemberInfo? Resolve(Module module, int token, Type[]? typeArguments, Type[]? methodArguments)
    {
        try
        {
            return module.ResolveMember(token, typeArguments, methodArguments);
        }
        catch (Exception e) when (e is ArgumentException or BadImageFormatException or TypeLoadException)
        {
            return null;
        }
    }
}
