using JasperFx;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Schema;
using Npgsql;
using PointsLedger.Claims;
using PointsLedger.Evidence;
using PointsLedger.Expiry;
using PointsLedger.Households;
using PointsLedger.Idempotency;
using PointsLedger.Imports;
using PointsLedger.Merchants;
using PointsLedger.Notices;
using PointsLedger.Problems;
using PointsLedger.Redemptions;
using PointsLedger.Reports;
using PointsLedger.Residents;
using PointsLedger.Staff;
using PointsLedger.Townships;
using PointsLedger.Villages;
using Weasel.Core;
using Wolverine.Marten;

namespace PointsLedger.Database;

public static class MartenSetup
{
    public static void AddLedgerStore(this WebApplicationBuilder builder, string connectionString)
    {
        var production = builder.Environment.IsProduction();
        var marten = builder.Services.AddMarten(opts =>
            {
                opts.Connection(WithPreparedStatements(connectionString));
                opts.DatabaseSchemaName = "ledger";
                opts.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);
                opts.AutoCreateSchemaObjects = production ? AutoCreate.None : AutoCreate.CreateOrUpdate;

                opts.Events.StreamIdentity = StreamIdentity.AsGuid;
                // Required by DistributedLock.Postgres 1.3.1, which our stand-in package resolves to (README, offline restore).
                opts.Events.UseAdvisoryLockTransaction = true;
                // The daemon's own timing (gaps in the sequence, leases) keeps real time, whatever clock the ledger's rules read.
                opts.Events.TimeProvider = TimeProvider.System;
                opts.Events.EnableUniqueIndexOnEventId = true;
                opts.Events.MetadataConfig.UserNameEnabled = true;
                opts.Events.MetadataConfig.CorrelationIdEnabled = true;
                opts.Events.MetadataConfig.CausationIdEnabled = true;
                opts.Events.MetadataConfig.HeadersEnabled = true;

                opts.Projections.Snapshot<Village>(SnapshotLifecycle.Inline)
                    .UniqueIndex(UniqueIndexType.Computed, UniqueIndexes.VillageCode, x => x.Code);
                opts.Projections.Snapshot<Household>(SnapshotLifecycle.Inline)
                    .UniqueIndex(UniqueIndexType.Computed, UniqueIndexes.HouseholdNumber, x => x.VillageId, x => x.HouseholdNo)
                    .UniqueIndex(UniqueIndexType.Computed, UniqueIndexes.CardNumber, x => x.CardNo)
                    .Index(x => x.OldestOpenGrant!)
                    // The household lists sort a village's households by points (Search/ListHouseholds.cs).
                    .Index([x => x.VillageId, x => x.ByEarned])
                    .Index([x => x.VillageId, x => x.ByAvailable]);
                opts.Projections.Snapshot<StaffAccount>(SnapshotLifecycle.Inline)
                    .UniqueIndex(UniqueIndexType.Computed, UniqueIndexes.StaffLogin, x => x.Login);
                opts.Projections.Snapshot<Merchant>(SnapshotLifecycle.Inline);
                opts.Projections.Snapshot<Township>(SnapshotLifecycle.Inline);
                opts.Projections.Snapshot<Import>(SnapshotLifecycle.Inline);
                opts.Schema.For<ImportProgress>();
                opts.Schema.For<ImportChunk>().Index(x => x.ImportId);
                opts.Schema.For<ImportedAward>();
                opts.Storage.ExtendedSchemaObjects.Add(ImportFiles.Table());
                // Two awards taking one photo at once: the second retries rather than lose the first's account.
                opts.Schema.For<EvidencePhoto>().UseOptimisticConcurrency(true);
                opts.Storage.ExtendedSchemaObjects.Add(EvidenceImages.Table());
                opts.Projections.Snapshot<Notice>(SnapshotLifecycle.Inline);
                opts.Projections.Add<RedemptionRecordProjection>(ProjectionLifecycle.Inline);
                opts.Projections.Add<ObjectionProjection>(ProjectionLifecycle.Inline);
                opts.Projections.Add<ClaimRecordProjection>(ProjectionLifecycle.Inline);
                opts.Schema.For<ClaimRecord>().Index(x => x.VillageId).Index(x => x.HouseholdId);
                // The township reports read tallies a village's awards keep up to date, off the request path.
                opts.Projections.Add(new ReportProjection(), ProjectionLifecycle.Async, asyncConfiguration: tallies =>
                {
                    // A rebuild starts them from nothing.
                    tallies.DeleteViewTypeOnTeardown<VillageMonthTally>();
                    tallies.DeleteViewTypeOnTeardown<VillageYearStanding>();
                    tallies.DeleteViewTypeOnTeardown<AwardFact>();
                });
                opts.Schema.For<VillageMonthTally>();
                opts.Schema.For<VillageYearStanding>();
                opts.Schema.For<AwardFact>();
                opts.Schema.For<Objection>().Index(x => x.NoticeId);
                opts.Schema.For<RedemptionRecord>()
                    .Index(x => x.MerchantId)
                    .UniqueIndex(UniqueIndexType.Computed, UniqueIndexes.ReceiptNumber, x => x.ReceiptNo);
                opts.Schema.For<ExpirySweepRun>();
                opts.Schema.For<UsedPaymentToken>();
                opts.Schema.For<IdNumberMisses>().UseOptimisticConcurrency(true);
                opts.Schema.For<IdNumberClaim>();
                opts.Schema.For<ReplacedCard>();
                opts.Schema.For<IdempotentResponse>();
                opts.Schema.For<OneTimeCode>().UseOptimisticConcurrency(true);
                // What the household search matches, as plain columns, so a search filters without reading each household's JSON.
                opts.Schema.For<Household>().Duplicate(x => x.HouseholdNo).Duplicate(x => x.Names).Duplicate(x => x.Phone!);
            })
            .UseLightweightSessions()
            // One node runs the projections at a time (the others stand by); alone in Development. Projections:Daemon
            // = Disabled keeps a node out of it, e.g. a second app on a database whose first app runs them.
            .AddAsyncDaemon(builder.Configuration.GetValue<DaemonMode?>("Projections:Daemon")
                ?? (builder.Environment.IsDevelopment() ? DaemonMode.Solo : DaemonMode.HotCold))
            .IntegrateWithWolverine();

        // Production schema changes are applied by the operator (`db-apply`, see deploy/README.md), never by a starting node.
        if (!production) marten.ApplyAllDatabaseChangesOnStartup();
    }

    /// <summary>
    /// Every request runs the same few statements; letting Npgsql prepare them measured ~35% more
    /// awards/s (README, Speed). While the database is down a request fails within 3 s (a 503) rather
    /// than Npgsql's default 15 s. A connection string that sets its own values keeps them.
    /// </summary>
    private static string WithPreparedStatements(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare == 0) builder.MaxAutoPrepare = 50;
        if (!builder.ContainsKey("Timeout")) builder.Timeout = 3;
        return builder.ConnectionString;
    }
}
