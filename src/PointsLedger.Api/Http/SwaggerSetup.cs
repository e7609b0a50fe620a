using Microsoft.OpenApi;
using PointsLedger.Http.OpenApi;

namespace PointsLedger.Http;

/// <summary>The OpenAPI document and Swagger UI, where Swagger:Enabled says (by default in Development only).</summary>
public static class SwaggerSetup
{
    public static bool SwaggerEnabled(this WebApplicationBuilder builder) => builder.Configuration.GetValue("Swagger:Enabled", builder.Environment.IsDevelopment());

    public static void AddLedgerSwagger(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "PointsLedger 五色积分",
                Version = "v1",
                Description = "五色积分账本：村干部按细则给农户加分，村民在积分超市和合作商户兑换，每月公示。Errors are RFC 9457 problem details with a `code`.",
                Contact = new OpenApiContact { Name = "PointsLedger", Url = new Uri("https://pointsledger.local/") },
                License = new OpenApiLicense { Name = "Proprietary", Url = new Uri("https://pointsledger.local/license") },
            });
            options.SupportNonNullableReferenceTypes();
            options.IncludeXmlComments(Path.Combine(AppContext.BaseDirectory, "PointsLedger.Api.xml"));
            options.SchemaFilter<RequiredMembers>();
            options.OperationFilter<AccessDocumentation>();
            options.OperationFilter<ProblemDocumentation>();
            options.OperationFilter<FileAnswers>();
            options.DocumentFilter<ProblemDocumentation>();
            options.DocumentFilter<DocumentDescription>();
            options.CustomSchemaIds(SchemaId);
            options.AddSecurityDefinition("Bearer", new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "Development: POST /api/auth/dev-token",
            });
        });
    }

    public static void UseLedgerSwagger(this WebApplication app)
    {
        app.UseSwagger();
        app.UseSwaggerUI(options => options.SwaggerEndpoint("/swagger/v1/swagger.json", "PointsLedger v1"));
    }

    /// <summary>A type's name within our namespaces; a page of items is named after them (<c>Search.HouseholdListItemPage</c>).</summary>
    private static string SchemaId(Type type) => type.IsConstructedGenericType
        ? string.Concat(type.GetGenericArguments().Select(SchemaId)) + type.Name[..type.Name.IndexOf('`')]
        : type.FullName!.Replace("PointsLedger.", "").Replace('+', '.');
}
