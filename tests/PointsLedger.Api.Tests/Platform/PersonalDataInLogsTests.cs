using Wolverine;
using Wolverine.Tracking;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace PointsLedger.Api.Tests.Platform;

[Collection(LedgerCollection.Name)]
public sealed class PersonalDataInLogsTests(LedgerApp app)
{
    [Fact]
    public async Task No_id_number_phone_or_full_name_reaches_the_log_at_any_level()
    {
        var logs = new LogCapture();
        await using var host = await app.StartVariantAsync("Development", new Dictionary<string, string>(), logs);
        using var http = host.Server.CreateClient();
        const string name = "司马秀珍", phone = "13912345678";
        var idNumber = IdNumbers.Valid();

        async Task<JsonNode> Post(string url, object body, HttpStatusCode expected)
        {
            using var response = await http.PostAsJsonAsync(url, body);
            Assert.Equal(expected, response.StatusCode);
            return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        }
        var admin = (string)(await Post("/api/auth/dev-token", new { role = "admin" }, HttpStatusCode.OK))["accessToken"]!;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", admin);
        var village = (string)(await Post("/api/villages", new { code = $"L{Guid.NewGuid():N}"[..12], name = "日志村", township = "刁镇街道" }, HttpStatusCode.Created))["villageId"]!;
        await Post($"/api/villages/{village}/rules", new { code = "R1", color = "red", title = "测试", points = 5 }, HttpStatusCode.Created);
        var household = (string)(await Post($"/api/villages/{village}/households", new { householdNo = "01", headName = name, idNumber, phone }, HttpStatusCode.Created))["householdId"]!;
        await Post($"/api/villages/{village}/households", new { householdNo = "01", headName = name, idNumber, phone }, HttpStatusCode.Conflict);
        await Post($"/api/villages/{village}/households", new { householdNo = "02", headName = name, idNumber = idNumber[..17] + (idNumber[17] == '0' ? "1" : "0"), phone }, HttpStatusCode.BadRequest);
        await Post("/api/awards", new { householdId = household, ruleCode = "R1", occurredOn = app.Clock.GetUtcNow().ToString("yyyy-MM-dd") }, HttpStatusCode.Created);
        (await http.GetAsync($"/api/households/{household}")).EnsureSuccessStatusCode();
        await host.TrackActivity().ExecuteAndWaitAsync((Func<IMessageContext, Task>)(_ => Post("/api/auth/resident/code", new { phone }, HttpStatusCode.OK)));
        Assert.Contains(logs.Lines, line => line.Contains(phone[..3] + "****" + phone[7..]));

        Assert.NotEmpty(logs.Lines);
        Assert.DoesNotContain(logs.Lines, line => line.Contains(idNumber) || line.Contains(idNumber[..17]) || line.Contains(phone) || line.Contains(name));
    }
}
