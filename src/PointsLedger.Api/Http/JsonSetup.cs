using System.Text.Json;
using System.Text.Json.Serialization;

namespace PointsLedger.Http;

public static class JsonSetup
{
    /// <summary>One set of JSON options for Wolverine endpoints, minimal APIs and stored idempotent responses.</summary>
    public static void AddLedgerJson(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
            options.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        });
}
