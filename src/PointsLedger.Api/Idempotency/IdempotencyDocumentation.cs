using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;
using Wolverine.Http;

namespace PointsLedger.Idempotency;

/// <summary>The Idempotency-Key every signed-in POST takes, and the header that marks a replayed answer.</summary>
public sealed class IdempotencyDocumentation : IOperationFilter
{
    /// <summary>Registered by the idempotency layer itself, so the HTTP layer's document setup imports no feature of ours.</summary>
    public static void AddTo(IServiceCollection services) => services.ConfigureSwaggerGen(options => options.OperationFilter<IdempotencyDocumentation>());

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (context.ApiDescription.ActionDescriptor is not WolverineActionDescriptor { Chain: var chain } || !IdempotentAnswersPolicy.Writes(chain)) return;
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = IdempotencyKey.Header,
            In = ParameterLocation.Header,
            Description = "同一键、同一请求体的重试返回第一次的结果 · a retry with the same key and body gets the first answer, whatever its status",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = IdempotencyKey.MaxLength },
        });
        foreach (var response in (operation.Responses ?? []).Values.OfType<OpenApiResponse>())
        {
            response.Headers ??= new Dictionary<string, IOpenApiHeader>();
            response.Headers["Idempotent-Replayed"] = new OpenApiHeader
            {
                Description = "true when this is the stored answer to an earlier request with the same key",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = ["true"] },
            };
        }
    }
}
