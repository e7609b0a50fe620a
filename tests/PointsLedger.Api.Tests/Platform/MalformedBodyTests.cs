using System.Net;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace PointsLedger.Api.Tests.Platform;

/// <summary>Every POST route that takes a body, from the app's endpoint data source, fed JSON that is not an object.</summary>
[Collection(LedgerCollection.Name)]
public sealed class MalformedBodyTests(LedgerApp app)
{
    private readonly LedgerClient _api = new(app);

    public static TheoryData<string> NotAnObject => ["null", "[]", "42", "\"text\"", "true", ""];

    [Theory, MemberData(nameof(NotAnObject))]
    public async Task Every_post_route_answers_a_400_problem_for_a_body_that_is_not_an_object(string body)
    {
        var routes = app.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("POST") == true)
            .Where(e => e.Metadata.GetMetadata<IAcceptsMetadata>() is { RequestType: not null } accepts && !accepts.ContentTypes.Contains("multipart/form-data"))
            .Select(e => e.RoutePattern.RawText!)
            .ToList();
        var failures = new List<string>();

        foreach (var route in routes)
        {
            var url = "/" + string.Join('/', route.TrimStart('/').Split('/').Select(Fill));
            var response = await _api.Send(HttpMethod.Post, url, _api.Admin, body);
            var code = response.Body.StartsWith('{') ? (string?)response.Json["code"] : null;
            if (response.Status != HttpStatusCode.BadRequest || code is not ("malformed-request" or "validation-failed"))
            {
                failures.Add($"{route}: {(int)response.Status} {response.Body}");
            }
        }

        Assert.True(routes.Count > 30, $"only {routes.Count} routes take a body");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private static string Fill(string segment) => segment switch
    {
        "{month}" => "2026-10",
        "{sku}" => "SKU-1",
        ['{', ..] => Guid.NewGuid().ToString(),
        _ => segment,
    };
}
