using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PointsLedger.Auth;
using Xunit.Abstractions;

namespace PointsLedger.Api.Tests.Platform;

/// <summary>
/// Garbage in, nothing out: requests built from the OpenAPI document, every one of them wrong (a broken
/// or wrongly typed body, a missing required field, a value past its limit, a body over the size limit,
/// a nonsense path or query value, no token or one scoped elsewhere), across every operation. None may
/// answer 5xx, every refusal is a problem with a code, and the events and documents are byte for byte
/// as they were. The seed is printed; POINTSLEDGER_FUZZ_SEED replays a run.
/// </summary>
[Collection(LedgerCollection.Name)]
public sealed class FuzzTests(LedgerApp app, ITestOutputHelper output)
{
    private const int Requests = 10_000;
    private readonly LedgerClient _api = new(app);

    private sealed record Operation(string Method, string Path, IReadOnlyList<string> PathParameters, IReadOnlyList<string> QueryParameters, JsonNode? Body);

    [Fact]
    public async Task Ten_thousand_wrong_requests_across_every_operation_get_no_5xx_a_problem_for_each_refusal_and_change_nothing()
    {
        var seed = Environment.GetEnvironmentVariable("POINTSLEDGER_FUZZ_SEED") is { Length: > 0 } given ? int.Parse(given) : Random.Shared.Next();
        output.WriteLine($"fuzz seed {seed} (replay with POINTSLEDGER_FUZZ_SEED={seed})");
        var random = new Random(seed);
        var document = JsonNode.Parse((await _api.Get("/swagger/v1/swagger.json", null)).ShouldBe(HttpStatusCode.OK).Body)!;
        var operations = OperationsOf(document);
        var tokens = Tokens();
        // A ledger with something in it, whatever ran before: the fingerprint has events to cover and the projections something to catch up on.
        var village = await _api.NewVillage();
        (await _api.Award(village, await _api.NewHousehold(village), await _api.NewRule(village, "red", 1))).ShouldBe(HttpStatusCode.Created);
        await _api.ProjectionsCaughtUpAsync();
        var before = await FingerprintAsync();

        var failures = new List<string>();
        var statuses = new Dictionary<int, int>();
        for (var i = 0; i < Requests; i++)
        {
            var operation = operations[random.Next(operations.Count)];
            var url = Url(operation, random);
            var token = tokens[random.Next(tokens.Length)];
            var body = operation.Method == "POST" ? WrongBody(operation, document, random) : null;
            var response = await _api.Send(new HttpMethod(operation.Method), url, token, body);
            statuses[(int)response.Status] = statuses.GetValueOrDefault((int)response.Status) + 1;
            var problem = (int)response.Status >= 400 ? CodeOf(response.Body) : "";
            if ((int)response.Status >= 500 || problem is null)
            {
                failures.Add($"#{i} {operation.Method} {url} → {(int)response.Status} {response.Body[..Math.Min(160, response.Body.Length)]} (body: {body?[..Math.Min(120, body.Length)]})");
                if (failures.Count >= 20) break;
            }
        }
        await _api.ProjectionsCaughtUpAsync();
        var after = await FingerprintAsync();

        output.WriteLine($"{operations.Count} operations; answers: {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key} × {s.Value}"))}");
        Assert.True(failures.Count == 0, $"seed {seed}:{Environment.NewLine}{string.Join(Environment.NewLine, failures)}");
        Assert.Equal(before, after);
    }

    private static List<Operation> OperationsOf(JsonNode document) =>
        document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(method => (Path: path.Key, Method: method.Key.ToUpperInvariant(), Spec: method.Value!)))
            .Where(o => o.Method is "GET" or "POST")
            .Select(o => new Operation(o.Method, o.Path,
                Parameters(o.Spec, "path"), Parameters(o.Spec, "query"),
                o.Spec["requestBody"]?["content"]?["application/json"]?["schema"]))
            .ToList();

    private static List<string> Parameters(JsonNode operation, string place) =>
        operation["parameters"]?.AsArray().Where(p => (string?)p!["in"] == place).Select(p => (string)p!["name"]!).ToList() ?? [];

    /// <summary>Tokens that reach nothing that exists: none, forged, or scoped to villages, merchants and households nobody registered.</summary>
    private string?[] Tokens() =>
    [
        null,
        "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZG1pbiIsInJvbGUiOiJhZG1pbiJ9.forged",
        _api.Token(Roles.Cadre, Guid.NewGuid()),
        _api.Token(Roles.Approver, Guid.NewGuid()),
        _api.Token(Roles.Clerk, merchantId: Guid.NewGuid()),
        _api.Token(Roles.Resident, householdId: Guid.NewGuid()),
        _api.Token(Roles.Auditor, township: "无此街道"),
    ];

    private static readonly string[] WrongValues =
        ["", " ", "-1", "0", "NaN", "2026-13", "2026-02-30", "null", "true", "%00", "..%2F..", "' or 1=1 --", "<script>", "😀", new string('长', 300),
            "00000000-0000-0000-0000-000000000000", "1e309", "9999999999999999999"];

    private static string Pick(Random random) => WrongValues[random.Next(WrongValues.Length)];

    private static string Url(Operation operation, Random random)
    {
        var path = operation.PathParameters.Aggregate(operation.Path, (url, name) =>
            url.Replace($"{{{name}}}", random.Next(3) == 0 ? Guid.NewGuid().ToString() : Uri.EscapeDataString(Pick(random))));
        var query = operation.QueryParameters.Where(_ => random.Next(2) == 0).Select(name => $"{name}={Uri.EscapeDataString(Pick(random))}").ToList();
        return query.Count == 0 ? path : $"{path}?{string.Join('&', query)}";
    }

    /// <summary>A body that is wrong in at least one way the API must refuse, whatever the token.</summary>
    private static string WrongBody(Operation operation, JsonNode document, Random random)
    {
        var shaped = operation.Body is null ? new JsonObject() : Shape(operation.Body, document, random, depth: 0);
        var text = shaped.ToJsonString();
        switch (random.Next(7))
        {
            case 0: return text[..Math.Max(1, text.Length / 2)];
            case 1: return random.Next(3) switch { 0 => "[]", 1 => "42", _ => "\"文本\"" };
            case 2: return "{\"a\":" + new string('[', 5_000) + new string(']', 5_000) + "}";
            case 3: return "{\"pad\":\"" + new string('x', 1_100_000) + "\"}";
            default:
                if (shaped is not JsonObject fields || fields.Count == 0) return "{\"unexpected\":" + text + "}";
                var name = fields.Select(f => f.Key).ElementAt(random.Next(fields.Count));
                fields[name] = random.Next(4) switch
                {
                    0 => JsonValue.Create(new string('长', 100_000)),
                    1 => JsonValue.Create(-2_147_483_648),
                    2 => new JsonArray(JsonValue.Create("x")),
                    _ => JsonValue.Create(Pick(random)),
                };
                if (random.Next(2) == 0 && fields.Count > 1) fields.Remove(fields.Select(f => f.Key).First(key => key != name));
                return fields.ToJsonString();
        }
    }

    /// <summary>A value of the schema's shape, with made-up contents.</summary>
    private static JsonNode Shape(JsonNode schema, JsonNode document, Random random, int depth)
    {
        if ((string?)schema["$ref"] is { } reference) schema = document["components"]!["schemas"]![reference.Split('/')[^1]]!;
        if (schema["allOf"] is JsonArray all && all.Count > 0) return Shape(all[0]!, document, random, depth);
        if (schema["enum"] is JsonArray values && values.Count > 0) return values[random.Next(values.Count)]!.DeepClone();
        return (string?)schema["type"] switch
        {
            "object" when depth < 3 => new JsonObject((schema["properties"]?.AsObject() ?? [])
                .Select(p => KeyValuePair.Create(p.Key, (JsonNode?)Shape(p.Value!, document, random, depth + 1)))),
            "array" => new JsonArray(),
            "integer" or "number" => JsonValue.Create(random.Next(-5, 50)),
            "boolean" => JsonValue.Create(random.Next(2) == 0),
            "string" => JsonValue.Create((string?)schema["format"] switch { "uuid" => Guid.NewGuid().ToString(), "date" => "2026-10-15", _ => "样例" }),
            _ => new JsonObject(),
        };
    }

    private static string? CodeOf(string body)
    {
        try
        {
            return JsonNode.Parse(body) is JsonObject problem && problem["code"] is JsonValue code && code.TryGetValue<string>(out var text) ? text : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The events and every document table, each as its count and a digest of its rows in order.</summary>
    private async Task<string> FingerprintAsync()
    {
        await using var session = app.Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var connection = (NpgsqlConnection)session.Connection!;
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("select table_name from information_schema.tables where table_schema = 'ledger' and table_name like 'mt_doc_%' order by 1", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        var print = new StringBuilder();
        foreach (var (table, order) in tables.Select(t => (t, "id")).Prepend(("mt_events", "seq_id")))
        {
            await using var digest = new NpgsqlCommand(
                $"select count(*), coalesce(md5(string_agg(id::text || data::text, '|' order by {order})), '') from ledger.{table}", connection);
            await using var reader = await digest.ExecuteReaderAsync();
            await reader.ReadAsync();
            print.AppendLine($"{table} {reader.GetInt64(0)} {reader.GetString(1)}");
        }
        return print.ToString();
    }
}
