using FluentValidation;
using Marten;
using PointsLedger.Auth;
using PointsLedger.Problems;
using Wolverine.Http;

namespace PointsLedger.Villages;

public sealed record RegisterVillage(string Code, string Name, string Township)
{
    public sealed class Validator : AbstractValidator<RegisterVillage>
    {
        public Validator()
        {
            RuleFor(x => x.Code).NotEmpty().MaximumLength(32).Matches("^[A-Za-z0-9_-]+$");
            RuleFor(x => x.Name).NotEmpty().MaximumLength(64);
            RuleFor(x => x.Township).NotEmpty().MaximumLength(64);
        }
    }
}

public sealed record VillageAnswer(Guid VillageId) : CreationResponse($"/api/villages/{VillageId}");

public static class RegisterVillageEndpoint
{
    /// <summary>登记村（社区）。Township admins only.</summary>
    [WolverinePost("/api/villages"), Tags("Villages")]
    public static async Task<VillageAnswer> Post(RegisterVillage command, Actor actor, IDocumentSession session, CancellationToken ct)
    {
        actor.MustBe(Roles.Admin).MustActInTownship(command.Township);
        if (await session.Query<Village>().AnyAsync(v => v.Code == command.Code, ct)) throw new Refusal(ProblemCodes.VillageCodeTaken);

        var villageId = Guid.CreateVersion7();
        session.Events.StartStream<Village>(villageId, new VillageRegistered(villageId, command.Code, command.Name, command.Township, actor.Id));
        return new VillageAnswer(villageId);
    }
}
