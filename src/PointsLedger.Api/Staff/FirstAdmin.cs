using Marten;
using Microsoft.AspNetCore.Identity;

namespace PointsLedger.Staff;

/// <summary>
/// The township's first admin, from the settings Bootstrap:AdminLogin and Bootstrap:AdminPassword,
/// opened on start only while no admin account exists. There is no default password.
/// </summary>
public sealed class FirstAdmin(IConfiguration configuration, IDocumentStore store, IPasswordHasher<StaffAccount> hasher, ILogger<FirstAdmin> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        var login = configuration["Bootstrap:AdminLogin"];
        var password = configuration["Bootstrap:AdminPassword"];
        if (string.IsNullOrWhiteSpace(login) || string.IsNullOrWhiteSpace(password)) return;

        await using var session = store.LightweightSession();
        if (await session.Query<StaffAccount>().AnyAsync(a => a.Role == Auth.Roles.Admin, ct)) return;

        var command = new OpenStaffAccount(login, "管理员", Auth.Roles.Admin, null, null, null, password);
        var problems = new OpenStaffAccount.Validator().Validate(command);
        if (!problems.IsValid) throw new InvalidOperationException($"Bootstrap:AdminLogin/AdminPassword: {problems}");

        var accountId = Guid.CreateVersion7();
        session.Events.StartStream<StaffAccount>(accountId, StaffDecisions.Opened(accountId, command, hasher.HashPassword(null!, command.Password), "bootstrap"));
        await session.SaveChangesAsync(ct);
        logger.LogInformation("Opened the first admin account {AccountId}", accountId);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
