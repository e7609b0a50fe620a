using System.Net;
using Microsoft.Playwright;

namespace PointsLedger.Api.Tests.Web;

/// <summary>What the console's browser tests do again and again: open a staff account, sign in, open a section.</summary>
public static class ConsoleSteps
{
    public const string Password = "Village2026desk";

    public static async Task<string> StaffAsync(this LedgerClient api, TestVillage village, string role, string displayName)
    {
        var login = $"{role}{Guid.NewGuid():N}"[..16];
        (await api.Post("/api/staff", new { login, displayName, role, villageId = village.Id, password = Password }, api.Admin))
            .ShouldBe(HttpStatusCode.Created);
        return login;
    }

    public static async Task SignInAsync(IPage page, string login)
    {
        await page.GotoAsync("/app/console");
        await page.GetByLabel("账号").FillAsync(login);
        await page.GetByLabel("密码").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.GetByRole(AriaRole.Navigation, new() { Name = "村务台" }).WaitForAsync();
    }

    /// <summary>Opens a section from the navigation and waits for its screen: the one it leaves has fields of the same names.</summary>
    public static async Task OpenAsync(IPage page, string section)
    {
        await page.GetByRole(AriaRole.Navigation, new() { Name = "村务台" }).GetByRole(AriaRole.Link, new() { Name = section, Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = section, Exact = true }).WaitForAsync();
    }
}
