namespace PointsLedger.Api.Tests.Web;

/// <summary>The web clients' own checks: their typed client is the one our OpenAPI document generates, and their unit tests pass.</summary>
[Collection(LedgerCollection.Name)]
public sealed class WebClientSourceTests(LedgerApp app)
{
    private static readonly string Web = Infrastructure.Npx.Folder("src/PointsLedger.Web");

    [Fact]
    public async Task The_committed_client_is_what_the_current_openapi_document_generates()
    {
        var document = Path.Combine(Path.GetTempPath(), $"openapi-{Guid.NewGuid():N}.json");
        var generated = Path.ChangeExtension(document, ".d.ts");
        await File.WriteAllTextAsync(document, await app.Host.Server.CreateClient().GetStringAsync("/swagger/v1/swagger.json"));

        var run = Npx("openapi-typescript", document, "-o", generated);

        Assert.True(run.Exit == 0, run.Output);
        Assert.True(await File.ReadAllTextAsync(generated) == await File.ReadAllTextAsync(Path.Combine(Web, "src/api/schema.d.ts")),
            "src/PointsLedger.Web/src/api/schema.d.ts is stale: with the API running, run `npm run generate` in src/PointsLedger.Web");
    }

    /// <summary>The build only bundles (so a stale client never stops the API from starting to regenerate it); types are checked here.</summary>
    [Fact]
    public void The_clients_type_check_against_the_committed_client()
    {
        var run = Npx("vue-tsc", "--noEmit");

        Assert.True(run.Exit == 0, run.Output);
    }

    [Fact]
    public void The_clients_unit_tests_pass_under_vitest()
    {
        var run = Npx("vitest", "run");

        Assert.True(run.Exit == 0, run.Output);
        Assert.Contains("passed", run.Output);
    }

    private static (int Exit, string Output) Npx(params string[] arguments) => Infrastructure.Npx.Run(Web, arguments);
}
