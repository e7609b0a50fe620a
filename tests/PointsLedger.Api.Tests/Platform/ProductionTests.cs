using System.Net;
using System.Security.Cryptography;
using Alba;
using Microsoft.AspNetCore.Hosting;

namespace PointsLedger.Api.Tests.Platform;

[Collection(LedgerCollection.Name)]
public sealed class ProductionTests(LedgerApp app)
{
    [Fact]
    public async Task Outside_development_there_is_no_dev_sign_in_and_keys_must_be_configured()
    {
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        await using var production = await AlbaHost.For<Program>(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("ConnectionStrings:PointsLedger", app.ConnectionString);
            builder.UseSetting("Auth:SigningKey", key);
            builder.UseSetting("PersonalData:IdNumberKey", key);
            builder.UseSetting("Wolverine:TypeLoadMode", "Dynamic");
        });
        using var http = production.Server.CreateClient();

        var devToken = await http.PostAsync("/api/auth/dev-token", new StringContent("""{"role":"admin"}""", System.Text.Encoding.UTF8, "application/json"));
        var anonymous = await http.GetAsync($"/api/villages/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, devToken.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }
}
