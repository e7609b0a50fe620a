using System.Reflection;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace PointsLedger.Http.OpenApi;

/// <summary>Every member a type cannot leave out (a value type, or a reference type not marked nullable) is <c>required</c>.</summary>
public sealed class RequiredMembers : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema { Properties.Count: > 0 } concrete || context.Type.IsEnum) return;
        var required = new HashSet<string>(concrete.Required ?? new HashSet<string>());
        var nullability = new NullabilityInfoContext(); // not thread-safe, and documents may be generated side by side
        foreach (var property in context.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var name = char.ToLowerInvariant(property.Name[0]) + property.Name[1..];
            if (concrete.Properties.ContainsKey(name) && !IsOptional(property, nullability)) required.Add(name);
        }
        concrete.Required = required;
    }

    private static bool IsOptional(PropertyInfo property, NullabilityInfoContext nullability) =>
        property.PropertyType.IsValueType
            ? Nullable.GetUnderlyingType(property.PropertyType) is not null
            : nullability.Create(property).ReadState == NullabilityState.Nullable;
}
