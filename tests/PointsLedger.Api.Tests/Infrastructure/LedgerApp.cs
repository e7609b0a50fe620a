using Alba;
using JasperFx.CommandLine;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Wolverine;

namespace PointsLedger.Api.Tests.Infrastructure;

/// <summary>The whole app over HTTP against a real PostgreSQL, shared by every HTTP test in the run.</summary>
public sealed class LedgerApp : IAsyncLifetime
{
    private TestDatabase? _database;

    public IAlbaHost Host { get; private set; } = null!;

    /// <summary>The app's clock; tests that move it put it back when they end.</summary>
    public TestClock Clock { get; } = new();

    public CodeInbox Codes { get; } = new();

    /// <summary>A township whose households lose their available points when they move out (<c>Households:OnMoveOut</c> = expire).</summary>
    public const string ForfeitingTownship = "迁出清零街道";

    public string ConnectionString => _database!.ConnectionString;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.StartAsync();
        JasperFxEnvironment.AutoStartHost = true;
        Host = await AlbaHost.For<Program>(builder => ConfigureForTests(builder, _database.ConnectionString, Clock, Codes));
    }

    /// <summary>The settings and stand-ins every test host of the whole app runs with, on whichever server it listens.</summary>
    public static void ConfigureForTests(IWebHostBuilder builder, string connectionString, TimeProvider clock, CodeInbox codes)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:PointsLedger", connectionString);
        // Many tests sign in; the limit itself is tested on a host of its own.
        builder.UseSetting("RateLimits:SignInPerMinute", "10000");
        builder.UseSetting("RateLimits:CodesPerMinute", "10000");
        builder.UseSetting("RateLimits:RedemptionsPerMinute", "10000");
        builder.UseSetting("RateLimits:DevTokensPerMinute", "10000");
        builder.UseSetting("RateLimits:VerificationsPerMinute", "10000");
        builder.UseSetting("RateLimits:ObjectionsPerMinute", "10000");
        // Tests of settlement arithmetic use round prices; the ceiling itself is tested against 1,000,000 yuan a point.
        builder.UseSetting("Redemptions:MaxYuanPerPoint", "10");
        builder.UseSetting($"Households:Townships:{ForfeitingTownship}", "expire");
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton(clock);
            services.AddSingleton<PointsLedger.Residents.IOneTimeCodeSender>(codes);
            services.AddSingleton<PointsLedger.Residents.IMiniAppIdentity, FakeMiniApp>();
            services.RunWolverineInSoloMode();
        });
    }

    /// <summary>A second app on the same database, configured otherwise: for what the shared app cannot show.</summary>
    public Task<IAlbaHost> StartVariantAsync(string environment, IReadOnlyDictionary<string, string> settings, ILoggerProvider? logs = null,
        Action<IServiceCollection>? services = null) =>
        AlbaHost.For<Program>(builder =>
        {
            builder.UseEnvironment(environment);
            builder.UseSetting("ConnectionStrings:PointsLedger", ConnectionString);
            // The shared app runs the projections on this database; two daemons would fight over them.
            builder.UseSetting("Projections:Daemon", "Disabled");
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
            if (logs is not null)
            {
                builder.ConfigureLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
            }
            if (services is not null) builder.ConfigureServices(services);
        });

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        if (_database is not null) await _database.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class LedgerCollection : ICollectionFixture<LedgerApp>
{
    public const string Name = "ledger";
}
