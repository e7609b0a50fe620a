using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;
using PointsLedger.Problems;
using Swashbuckle.AspNetCore.SwaggerGen;
using Wolverine.Http;

namespace PointsLedger.Http.OpenApi;

/// <summary>
/// RFC 9457 problem details, as every refusal answers: one <c>Problem</c> schema with the machine-readable
/// <c>code</c> and the failing fields (<c>errors</c>), listed under every status an operation can refuse with.
/// </summary>
public sealed class ProblemDocumentation : IOperationFilter, IDocumentFilter
{
    private const string Schema = "Problem";
    private const string MediaType = "application/problem+json";

    private static readonly Dictionary<string, string> Statuses = new()
    {
        ["400"] = "请求格式或字段有误 · malformed request or failing fields (`errors`)",
        ["401"] = "未登录或登录已过期 · no valid bearer token",
        ["403"] = "无权执行 · the caller's role or scope does not allow it",
        ["404"] = "不存在或无权查看 · not found, or not visible to the caller",
        ["409"] = "与当前状态冲突 · conflicts with the current state (the `code` says which rule)",
        ["422"] = "无法处理 · well formed but refused by a rule (the `code` says which)",
        ["429"] = "操作过于频繁 · rate limited; see Retry-After",
        ["503"] = "暂不可用 · a service the answer needs is missing (no SMS gateway, no Chinese font for PDFs)",
    };

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        operation.Responses ??= [];
        // Wolverine declares a bare 404 on some routes; every refusal is declared here, with its codes.
        foreach (var status in operation.Responses.Keys.Where(status => status[0] is '4' or '5').ToList()) operation.Responses.Remove(status);
        var codes = (EndpointMethod(context) is { } method ? ReachableProblemCodes.Of(method) : []).Concat(PlatformCodes(context)).Distinct();
        foreach (var byStatus in codes.GroupBy(code => code.Status.ToString(CultureInfo.InvariantCulture)).OrderBy(group => group.Key, StringComparer.Ordinal))
        {
            var listed = byStatus.Select(code => code.Code).Order(StringComparer.Ordinal).ToList();
            operation.Responses[byStatus.Key] = new OpenApiResponse
            {
                Description = $"{Statuses.GetValueOrDefault(byStatus.Key, "请求被拒绝 · refused")}. Codes: {string.Join(", ", listed.Select(code => $"`{code}`"))}",
                Content = new Dictionary<string, IOpenApiMediaType> { [MediaType] = new OpenApiMediaType { Schema = new OpenApiSchemaReference(Schema, context.Document) } },
                Extensions = new Dictionary<string, IOpenApiExtension> { [CodesExtension] = new JsonNodeExtension(new JsonArray([.. listed.Select(code => JsonValue.Create(code))])) },
            };
        }
    }

    /// <summary>The operation's problem codes, one list per status, for clients that switch on <c>code</c>.</summary>
    public const string CodesExtension = "x-problem-codes";

    private static MethodInfo? EndpointMethod(OperationFilterContext context) =>
        context.MethodInfo ?? context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<HttpChain>().FirstOrDefault()?.Method.Method;

    /// <summary>What the pipeline around every endpoint can answer: shape, sign-in, rate limits, and a write's key or racing writer.</summary>
    private static IEnumerable<ProblemCode> PlatformCodes(OperationFilterContext context)
    {
        yield return ProblemCodes.MalformedRequest;
        yield return ProblemCodes.ValidationFailed;
        if (!AccessDocumentation.IsAnonymous(context)) yield return ProblemCodes.Unauthorized;
        if (context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<EnableRateLimitingAttribute>().Any()) yield return ProblemCodes.TooManyRequests;
        if (context.ApiDescription.HttpMethod == "POST" && !AccessDocumentation.IsAnonymous(context))
        {
            yield return ProblemCodes.IdempotencyKeyReused;
            yield return ProblemCodes.ConcurrencyConflict;
        }
    }

    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        // Every refusal is described by this schema instead of ASP.NET's.
        document.Components.Schemas.Remove("Microsoft.AspNetCore.Mvc.ProblemDetails");
        document.Components.Schemas[Schema] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Required = new HashSet<string> { "type", "title", "status", "code" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
                ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "zh-CN or en, by Accept-Language" },
                ["code"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "machine-readable, e.g. insufficient-points" },
                ["errors"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Description = "validation-failed: every failing field and its messages",
                    AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
                },
                ["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String },
            },
            AdditionalProperties = new OpenApiSchema(),
            Examples = [JsonNode.Parse("""{"type":"https://pointsledger.local/problems/insufficient-points","title":"insufficient-points","status":409,"code":"insufficient-points"}""")!],
        };
    }
}
