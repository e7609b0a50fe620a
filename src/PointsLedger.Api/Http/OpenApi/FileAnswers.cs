using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace PointsLedger.Http.OpenApi;

/// <summary>
/// An answer in another format than JSON (a sheet's PDF, a spreadsheet, a QR code, a page) is a file:
/// its schema says so, rather than repeating the JSON answer's. A route whose last segment chooses the
/// format (<c>{month}</c> as <c>2026-10.pdf</c>) says which suffixes it takes.
/// </summary>
public sealed class FileAnswers : IOperationFilter
{
    private static readonly string[] Json = ["application/json", "application/problem+json"];

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        foreach (var response in (operation.Responses ?? []).Values.OfType<OpenApiResponse>())
        {
            foreach (var (mediaType, content) in (response.Content ?? new Dictionary<string, IOpenApiMediaType>()).Where(c => !Json.Contains(c.Key)))
            {
                if (content is not OpenApiMediaType concrete) continue;
                var text = mediaType.StartsWith("text/", StringComparison.Ordinal) || mediaType == "image/svg+xml";
                concrete.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = text ? null : "binary" };
            }
        }
        var formats = (operation.Responses ?? []).Values.SelectMany(r => r.Content?.Keys ?? []).Where(m => !Json.Contains(m)).ToList();
        if (formats.Count == 0) return;
        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>().Where(p => p is { Name: "month", In: ParameterLocation.Path }))
        {
            parameter.Description = "2026-10 for JSON; 2026-10.csv, .xlsx" + (formats.Contains("application/pdf") ? ", .html or .pdf" : formats.Contains("text/html") ? " or .html" : "")
                + " for a file";
        }
    }
}
