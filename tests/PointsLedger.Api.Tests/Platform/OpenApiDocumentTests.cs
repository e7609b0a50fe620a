using System.Text.Json.Nodes;
using PointsLedger.Problems;

namespace PointsLedger.Api.Tests.Platform;

/// <summary>
/// The OpenAPI document as a client generator reads it: checked here point by point, linted by Spectral
/// and Redocly, and turned into a typed client that the TypeScript walk-through
/// (samples/typescript-walkthrough) must type-check against under tsc --strict.
/// </summary>
[Collection(LedgerCollection.Name)]
public sealed class OpenApiDocumentTests(LedgerApp app)
{
    /// <summary>POSTs that change nothing: the audit reads the notices; a print link is a fresh secret each time, never kept.</summary>
    private static readonly string[] ReadingPosts = ["/api/notices/audit", "/api/print-links"];

    private static readonly string Walkthrough = Infrastructure.Npx.Folder("samples/typescript-walkthrough");

    private async Task<JsonObject> Document() =>
        JsonNode.Parse(await app.Host.Server.CreateClient().GetStringAsync("/swagger/v1/swagger.json"))!.AsObject();

    private static IEnumerable<(string Path, string Method, JsonObject Operation)> Operations(JsonObject document) =>
        document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject().Select(op => (path.Key, op.Key, op.Value!.AsObject())));

    private static readonly Dictionary<string, ProblemCode> Catalogue = typeof(ProblemCodes).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Select(field => (ProblemCode)field.GetValue(null)!).ToDictionary(code => code.Code);

    private static List<string> Codes(JsonNode operation, string status) =>
        operation["responses"]![status]!["x-problem-codes"]!.AsArray().Select(code => (string)code!).ToList();

    [Fact]
    public async Task Every_operation_declares_its_access_its_problems_and_a_schema_for_each_answer()
    {
        var document = await Document();
        var failures = new List<string>();

        foreach (var (path, method, operation) in Operations(document))
        {
            var name = $"{method.ToUpperInvariant()} {path}";
            var anonymous = operation["security"] is JsonArray { Count: 0 };
            var responses = operation["responses"]!.AsObject();
            if (operation["security"] is null) failures.Add($"{name}: no security");
            var health = path.StartsWith("/health/", StringComparison.Ordinal);
            if (!health && (!responses.ContainsKey("400") || (!anonymous && !responses.ContainsKey("401"))))
                failures.Add($"{name}: problem responses missing");
            foreach (var (status, problem) in responses.Where(r => !health && r.Key[0] is '4' or '5'))
            {
                if (problem!["content"]?["application/problem+json"]?["schema"]?["$ref"]?.GetValue<string>() != "#/components/schemas/Problem")
                    failures.Add($"{name}: {status} not described by the Problem schema");
                if (problem["x-problem-codes"] is not JsonArray { Count: > 0 } codes || codes.Any(code => Catalogue[(string)code!].Status.ToString() != status))
                    failures.Add($"{name}: {status} does not list its codes");
            }
            foreach (var (status, response) in responses.Where(r => r.Key.StartsWith('2') && r.Key != "204"))
            {
                var contents = response!["content"]?.AsObject();
                if (contents is null || contents.Count == 0 || contents.Any(c => c.Value!["schema"] is null))
                    failures.Add($"{name}: {status} has no schema");
            }
            var keyed = operation["parameters"]?.AsArray().Any(p => (string?)p!["name"] == "Idempotency-Key") == true;
            if (method == "post" && !anonymous && !keyed && !ReadingPosts.Contains(path)) failures.Add($"{name}: no Idempotency-Key");
            if (anonymous && keyed) failures.Add($"{name}: an anonymous route takes an Idempotency-Key");
            if ((string?)operation["summary"] is not { Length: > 0 } summary || summary == (string?)operation["operationId"])
                failures.Add($"{name}: no summary");
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.Equal(["code", "status", "title", "type"], document["components"]!["schemas"]!["Problem"]!["required"]!.AsArray().Select(n => (string)n!).Order());
        var grant = document["components"]!["schemas"]!["Awards.GrantAward"]!;
        Assert.Equal(["occurredOn", "ruleCode"], grant["required"]!.AsArray().Select(n => (string)n!).Order());
        Assert.Superset(new HashSet<string> { "householdId", "accountId", "quantity", "evidenceIds" }, grant["properties"]!.AsObject().Select(p => p.Key).ToHashSet());
        var pdf = document["paths"]!["/api/villages/{villageId}/notices/{month}"]!["get"]!["responses"]!["200"]!["content"]!["application/pdf"]!;
        Assert.Equal("binary", (string?)pdf["schema"]!["format"]);
        var signIn = document["paths"]!["/api/auth/sign-in"]!["post"]!;
        Assert.Empty(signIn["security"]!.AsArray());
        Assert.Equal(["sign-in-failed"], Codes(signIn, "401"));
        Assert.Null(signIn["responses"]!["403"]);
        Assert.Contains("mini-app-unavailable", Codes(document["paths"]!["/api/auth/mini-app/sign-in"]!["post"]!, "503"));
        // The SMS leaves through a queue after the answer, so asking for a code never answers 503.
        Assert.Null(document["paths"]!["/api/auth/resident/code"]!["post"]!["responses"]!["503"]);
        var redeem = document["paths"]!["/api/redemptions"]!["post"]!;
        Assert.Superset(new HashSet<string> { "insufficient-points", "card-locked", "out-of-stock", "token-used", "concurrency-conflict" }, Codes(redeem, "409").ToHashSet());
        Assert.Contains("card-check-failed", Codes(redeem, "422"));
        Assert.Superset(new HashSet<string> { "monthly-cap-reached", "month-closed" }, Codes(document["paths"]!["/api/awards"]!["post"]!, "409").ToHashSet());
        Assert.Contains("notice-not-found", Codes(document["paths"]!["/api/villages/{villageId}/notices/{month}"]!["get"]!, "404"));
        Assert.Null(document["paths"]!["/api/villages/{villageId}"]!["get"]!["responses"]!["409"]);
        Assert.NotNull(document["paths"]!["/health/ready"]?["get"]);
    }

    [Fact]
    public async Task The_document_lints_clean_and_a_client_generated_from_it_type_checks_the_walkthrough()
    {
        await File.WriteAllTextAsync(Path.Combine(Walkthrough, "openapi.json"), (await Document()).ToJsonString());

        var spectral = Npx("spectral", "lint", "--ruleset", ".spectral.yaml", "--fail-severity=error", "openapi.json");
        var redocly = Npx("redocly", "lint", "--config", "redocly.yaml", "openapi.json");
        var generated = Npx("openapi-typescript", "openapi.json", "-o", "api.d.ts");
        var typeChecked = generated.Exit == 0 ? Npx("tsc", "-p", ".") : generated;

        Assert.True(spectral.Exit == 0, spectral.Output);
        Assert.True(redocly.Exit == 0, redocly.Output);
        Assert.True(typeChecked.Exit == 0, typeChecked.Output);
    }

    private static (int Exit, string Output) Npx(params string[] arguments) => Infrastructure.Npx.Run(Walkthrough, arguments);
}
