using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PointsLedger.Http;
using Wolverine.Http;

namespace PointsLedger.Api.Tests.Platform;

[Collection(LedgerCollection.Name)]
public sealed class ValidationTests(LedgerApp app)
{
    [Fact]
    public void Every_endpoint_that_reads_a_command_validates_its_shape_with_the_commands_own_validator()
    {
        var chains = app.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(e => e.Metadata.GetMetadata<HttpChain>()).OfType<HttpChain>()
            .Where(chain => chain.RequestType is not null && chain.RequestType != typeof(void))
            .ToList();

        var unvalidated = chains.Where(chain => ValidationPolicy.ValidatorOf(chain.RequestType!) is null
                || !chain.Middleware.OfType<JasperFx.CodeGeneration.Frames.MethodCall>().Any(call => call.Method.DeclaringType == typeof(CommandShape)))
            .Select(chain => $"{chain.RequestType!.Name} ({string.Join(",", chain.HttpMethods)} {chain.RoutePattern?.RawText})").ToList();

        Assert.True(chains.Count > 30, $"only {chains.Count} endpoints read a command");
        Assert.True(unvalidated.Count == 0, "Commands without a validator: " + string.Join(", ", unvalidated));
    }
}
