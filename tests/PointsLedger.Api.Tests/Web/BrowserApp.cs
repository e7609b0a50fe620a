using Deque.AxeCore.Playwright;
using JasperFx.CommandLine;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace PointsLedger.Api.Tests.Web;

/// <summary>
/// The whole app on a real socket (Kestrel) against a PostgreSQL of its own, serving the built clients
/// under /app/, and Debian's Chromium driven by Playwright: phones open the pages as villagers' phones do.
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    private TestDatabase? _database;
    private WebApplicationFactory<Program>? _factory;
    private IPlaywright? _playwright;

    public Uri Address { get; private set; } = null!;

    public CodeInbox Codes { get; } = new();

    public TestClock Clock { get; } = new();

    public LedgerClient Api { get; private set; } = null!;

    public IServiceProvider Services => _factory!.Services;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.StartAsync();
        JasperFxEnvironment.AutoStartHost = true;
        _factory = new WebApplicationFactory<Program>()
            .WithWebHostBuilder(builder =>
            {
                LedgerApp.ConfigureForTests(builder, _database.ConnectionString, Clock, Codes);
                builder.UseSetting("Urls", "http://127.0.0.1:0");
            });
        _factory.UseKestrel();
        _factory.StartServer();
        var address = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Address = new Uri(address);
        Api = new LedgerClient(new HttpClient { BaseAddress = Address }, _factory.Services, Clock);
        _playwright = await Playwright.CreateAsync();
    }

    /// <summary>Chromium; with <paramref name="camera"/> (a .y4m), its camera films that picture over and over.</summary>
    public Task<IBrowser> LaunchAsync(string? camera = null) => _playwright!.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = "/usr/bin/chromium",
        Args = camera is null
            ? ["--no-sandbox"]
            : ["--no-sandbox", "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream", $"--use-file-for-fake-video-capture={camera}"],
    });

    /// <summary>A phone's page: 390 px wide, touch, zh-CN, the camera allowed; console errors are collected.</summary>
    public async Task<Phone> PhoneAsync(IBrowser browser)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Address.ToString(),
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            IsMobile = true,
            HasTouch = true,
            Locale = "zh-CN",
        });
        await context.GrantPermissionsAsync(["camera"], new BrowserContextGrantPermissionsOptions { Origin = Address.GetLeftPart(UriPartial.Authority) });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        var phone = new Phone(page);
        page.Console += (_, message) =>
        {
            // Chromium logs every 4xx answer; a refusal the page shows in words is not an error of the page.
            var refusal = message.Text.StartsWith("Failed to load resource: the server responded with a status of 4", StringComparison.Ordinal)
                && message.Location.Contains("/api/", StringComparison.Ordinal);
            if (message.Type == "error" && !refusal) phone.ConsoleErrors.Add($"{message.Text} ({message.Location})");
        };
        page.PageError += (_, error) => phone.ConsoleErrors.Add(error);
        return phone;
    }

    public async Task DisposeAsync()
    {
        if (Directory.Exists(FakeCamera.Films)) Directory.Delete(FakeCamera.Films, recursive: true);
        _playwright?.Dispose();
        if (_factory is not null) await _factory.DisposeAsync();
        if (_database is not null) await _database.DisposeAsync();
    }
}

public sealed record Phone(IPage Page)
{
    public List<string> ConsoleErrors { get; } = [];

    /// <summary>Where each checked screen is saved as a phone shows it, to be looked at.</summary>
    public static readonly string Screens = Path.Combine(Path.GetTempPath(), "pointsledger-screens");

    /// <summary>axe-core over the screen as it is now: no serious or critical violation; and the screen saved under <see cref="Screens"/>.</summary>
    public async Task CheckScreenAsync(string state)
    {
        Directory.CreateDirectory(Screens);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screens, $"{state}.png"), FullPage = true });
        var result = await Page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Html))}").ToList();
        Assert.True(serious.Count == 0, $"{state}: {string.Join(Environment.NewLine, serious)}");
    }
}

/// <summary>Run alone: the pages are timed (a receipt within two seconds) on 2 cores, and other collections would take them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "browser";
}
