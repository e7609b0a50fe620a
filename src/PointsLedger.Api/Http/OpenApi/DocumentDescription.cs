using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace PointsLedger.Http.OpenApi;

/// <summary>What the document says of itself: where it is served, and what each group of operations is for.</summary>
public sealed class DocumentDescription : IDocumentFilter
{
    private static readonly Dictionary<string, string> Tags = new()
    {
        ["Villages"] = "村（社区）与积分细则 · villages and their rule catalogues",
        ["Households"] = "农户、家庭成员与积分卡 · households, members and cards",
        ["Awards"] = "加分、扣分、审核、撤销 · awards, deductions, approvals, revocations",
        ["Expiry"] = "积分清零 · expiry",
        ["Merchants"] = "商户、优惠与商品 · merchants, offers and goods",
        ["Redemptions"] = "兑换与冲正 · redemptions and reversals",
        ["Statements"] = "商户结算 · settlement statements",
        ["Notices"] = "月度公示与异议 · monthly notices and objections",
        ["Verify"] = "公开核验（无需登录）· the public check of a posted sheet",
        ["Reports"] = "街道报表 · township reports",
        ["Audit"] = "操作记录 · who did what",
        ["Staff"] = "工作人员账号 · staff accounts",
        ["Auth"] = "登录 · signing in",
        ["Me"] = "村民本户 · the signed-in resident's own household",
        ["Health"] = "健康检查 · liveness and readiness",
    };

    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        document.Servers = [new OpenApiServer { Url = "/", Description = "the same origin as the web clients" }];
        document.Tags = new HashSet<OpenApiTag>(Tags.Select(tag => new OpenApiTag { Name = tag.Key, Description = tag.Value }));
        document.Paths["/health/live"] = Health("存活检查 · the process answers", "GET_health_live");
        document.Paths["/health/ready"] = Health("就绪检查 · the database answers too", "GET_health_ready");
        // Wolverine describes an operation without a description by its id, which tells a reader nothing.
        foreach (var operation in document.Paths.Values.SelectMany(path => (IEnumerable<OpenApiOperation>?)path.Operations?.Values ?? []))
        {
            if (operation.Description == operation.OperationId) operation.Description = null;
        }
    }

    /// <summary>Health checks are not endpoints ASP.NET describes; probes and operators still read them here.</summary>
    private static OpenApiPathItem Health(string summary, string operationId) => new()
    {
        Operations = new Dictionary<HttpMethod, OpenApiOperation>
        {
            [HttpMethod.Get] = new()
            {
                OperationId = operationId,
                Summary = summary,
                Tags = new HashSet<OpenApiTagReference> { new("Health") },
                Security = [],
                Responses = new OpenApiResponses
                {
                    ["200"] = Plain("Healthy"),
                    ["503"] = Plain("Unhealthy"),
                },
            },
        },
    };

    private static OpenApiResponse Plain(string description) => new()
    {
        Description = description,
        Content = new Dictionary<string, IOpenApiMediaType> { ["text/plain"] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } } },
    };
}
