using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace PointsLedger.Http.OpenApi;

/// <summary>Bearer tokens where the route asks for one; <c>security: []</c> on the anonymous routes (sign-in, dev sign-in, /verify).</summary>
public sealed class AccessDocumentation : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        operation.Security = IsAnonymous(context)
            ? []
            : [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", context.Document)] = [] }];
    }

    public static bool IsAnonymous(OperationFilterContext context) =>
        context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any()
        || context.MethodInfo?.GetCustomAttributes(typeof(AllowAnonymousAttribute), true).Length > 0;
}
