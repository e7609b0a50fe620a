using Microsoft.OpenApi;

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
            options.SwaggerDoc("v1", new OpenApiInfo { Title = "PointsLedger 五色积分", Version = "v1" });
            options.CustomSchemaIds(type => type.FullName!.Replace("PointsLedger.", "").Replace('+', '.'));
            options.AddSecurityDefinition("Bearer", new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "Development: POST /api/auth/dev-token",
            });
            options.AddSecurityRequirement(document => new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference("Bearer", document)] = [],
            });
        });
    }

    public static void UseLedgerSwagger(this WebApplication app)
    {
        app.UseSwagger();
        app.UseSwaggerUI(options => options.SwaggerEndpoint("/swagger/v1/swagger.json", "PointsLedger v1"));
    }
}
