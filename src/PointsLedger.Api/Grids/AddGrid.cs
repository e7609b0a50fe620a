using FluentValidation;
using JasperFx.Events;
using Marten;
using PointsLedger.Auth;
using PointsLedger.Http;
using PointsLedger.Staff;
using PointsLedger.Villages;
using Wolverine.Http;

namespace PointsLedger.Grids;

/// <param name="WorkerAccountId">The staff account of the grid worker (网格员) who looks after it, of this village.</param>
public sealed record AddGrid(string Code, string Name, Guid? WorkerAccountId)
{
    public sealed class Validator : AbstractValidator<AddGrid>
    {
        public Validator()
        {
            RuleFor(x => x.Code).NotEmpty().MaximumLength(32);
            RuleFor(x => x.Name).NotEmpty().MaximumLength(64);
            RuleFor(x => x.WorkerAccountId).NotEqual(Guid.Empty);
        }
    }
}

public sealed record GridAnswer(Guid VillageId, string Code) : CreationResponse($"/api/villages/{VillageId}/grids");

public sealed record GridList(IReadOnlyList<Grid> Items);

public static class GridEndpoints
{
    /// <summary>划分网格 (户户有人联): households are then listed, and awarded, by grid.</summary>
    [WolverinePost("/api/villages/{villageId}/grids"), Tags("Villages")]
    public static async Task<GridAnswer> Post(
        Guid villageId, AddGrid command, Actor actor, [WriteStream] IEventStream<Village> stream, IQuerySession session, CancellationToken ct)
    {
        actor.MustBe(Roles.Admin, Roles.Cadre, Roles.Approver).MustActIn(villageId);
        var village = stream.Found();
        var worker = command.WorkerAccountId is { } accountId ? await session.LoadAsync<StaffAccount>(accountId, ct) : null;
        var code = command.Code.Trim();
        stream.AppendOne(VillageDecisions.AddGrid(village, code, command.Name.Trim(), command.WorkerAccountId, worker?.VillageId == villageId, actor));
        return new GridAnswer(villageId, code);
    }

    /// <summary>The village's grids by code.</summary>
    [WolverineGet("/api/villages/{villageId}/grids"), Tags("Villages")]
    public static async Task<GridList> Get(Guid villageId, Actor actor, IQuerySession session, CancellationToken ct)
    {
        actor.MustBe(Roles.Admin, Roles.Auditor, Roles.Cadre, Roles.Approver).MustActIn(villageId);
        var village = await session.LoadVillageAsync(villageId, ct);
        actor.MustActIn(village);
        return new GridList(village.Grids.Values.OrderBy(g => g.Code, StringComparer.Ordinal).ToList());
    }
}
