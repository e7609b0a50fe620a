using JasperFx;
using JasperFx.CodeGeneration;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PointsLedger.Audit;
using PointsLedger.Auth;
using PointsLedger.Database;
using PointsLedger.Expiry;
using PointsLedger.Households;
using PointsLedger.Housekeeping;
using PointsLedger.Http;
using PointsLedger.Idempotency;
using PointsLedger.Imports;
using PointsLedger.Merchants;
using PointsLedger.Notices;
using PointsLedger.PaymentCodes;
using PointsLedger.Printing;
using PointsLedger.Redemptions;
using PointsLedger.Problems;
using PointsLedger.Residents;
using PointsLedger.Staff;
using Wolverine;
using Wolverine.Http;

var builder = WebApplication.CreateBuilder(args);
builder.RequireLedgerPublicAddress();

builder.AddLedgerStore(builder.ResolveConnectionString());
builder.AddLedgerAuth();
builder.Services.EndResidentSessionsWhenThePhoneChanges();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<IPasswordHasher<StaffAccount>, PasswordHasher<StaffAccount>>();
builder.Services.AddHostedService<FirstAdmin>();
if (builder.Environment.IsDevelopment()) builder.Services.AddSingleton<IOneTimeCodeSender, LoggingCodeSender>();
else builder.Services.AddSingleton<IOneTimeCodeSender, NoCodeSender>();
builder.Services.AddSingleton<IMiniAppIdentity, NoMiniApp>();
builder.Services.AddSingleton(new CodeSeal(LocalSecrets.Resolve(builder.Configuration, "Auth:SigningKey", "jwt-signing-key", builder.Environment)));
builder.Services.AddSingleton(new PaymentCodeKey(LocalSecrets.Resolve(builder.Configuration, "PaymentCodes:SigningKey", "payment-code-key", builder.Environment)));
builder.Services.AddSingleton(new IdNumberHasher(LocalSecrets.Resolve(builder.Configuration, "PersonalData:IdNumberKey", "id-number-key", builder.Environment)));
var expiry = ExpirySettings.From(builder.Configuration);
builder.Services.AddSingleton(Options.Create(expiry));
builder.Services.AddSingleton(Options.Create(builder.Configuration.GetSection("Redemptions").Get<RedemptionSettings>() ?? new RedemptionSettings()));
builder.Services.AddSingleton<HouseholdIdentifier>();
builder.Services.AddWebClients();
builder.Services.AddSingleton(CashValueCeiling.From(builder.Configuration));
builder.Services.AddSingleton(Options.Create(builder.Configuration.GetSection("Notices").Get<NoticeSettings>() ?? new NoticeSettings()));
builder.Services.AddSingleton(Options.Create(builder.Configuration.GetSection("Households").Get<HouseholdSettings>() ?? new HouseholdSettings()));
var imports = builder.Configuration.GetSection("Imports").Get<ImportSettings>() ?? new ImportSettings();
builder.Services.AddSingleton(Options.Create(imports));
builder.Services.AddSingleton<ImportRunner>();
builder.Services.AddSingleton(new ChineseFonts());
builder.Services.AddSingleton<PdfFont>();
builder.Services.AddHostedService(services => services.GetRequiredService<PdfFont>());
builder.Services.AddRequestLimits();
builder.Services.AddLedgerRateLimits(builder.Configuration);
builder.Services.AddLedgerCors(builder.Configuration);
builder.Services.AddLedgerJson();
builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = FrameworkProblems.Customize);
builder.Services.AddLedgerHealth();
var swagger = builder.SwaggerEnabled();
if (swagger)
{
    builder.Services.AddLedgerSwagger();
    IdempotencyDocumentation.AddTo(builder.Services);
}
builder.Services.AddHtmlPages();
builder.Services.AddWolverineHttp();

builder.Host.UseWolverine(opts =>
{
    opts.ApplicationAssembly = typeof(Program).Assembly;
    opts.Policies.AutoApplyTransactions();
    opts.EnableRelayOfUserName = true;
    // Several nodes share the nightly jobs and the queues below (deploy/compose.yaml): one node, elected, runs each agent,
    // and the others take over what a dead node held. One node in Development: its agents start at once, without an election.
    opts.Durability.Mode = builder.Environment.IsDevelopment() ? DurabilityMode.Solo : DurabilityMode.Balanced;
    // Production loads the handlers `codegen write` generated (deploy/Dockerfile); Wolverine:TypeLoadMode overrides.
    opts.CodeGeneration.TypeLoadMode = builder.Configuration.GetValue("Wolverine:TypeLoadMode",
        builder.Environment.IsProduction() ? TypeLoadMode.Static : TypeLoadMode.Dynamic);
    // One-time codes leave after the commit that records them, and survive a crash in between.
    opts.PublishMessage<SendOneTimeCode>().ToLocalQueue("one-time-codes");
    opts.LocalQueue("one-time-codes").UseDurableInbox();
    // An import survives a restart: its message waits in the inbox, and its progress says where to go on.
    opts.PublishMessage<RunImport>().ToLocalQueue("imports");
    opts.LocalQueue("imports").UseDurableInbox().Sequential();
    // The nightly jobs, and the households a sweep hands out, wait in the database: whichever node is alive runs them, once.
    opts.PublishMessage<RunExpirySweep>().ToLocalQueue("nightly");
    opts.PublishMessage<PurgeStaleRecords>().ToLocalQueue("nightly");
    opts.LocalQueue("nightly").UseDurableInbox().Sequential();
    opts.PublishMessage<ExpireHouseholdPoints>().ToLocalQueue("expiry");
    opts.LocalQueue("expiry").UseDurableInbox();
    // The scheduled-message path whatever the cadence: a schedule set to fire every few seconds (Platform/TwoNodesTests) runs as the nightly one does.
    opts.Schedules.ScheduleRecurring("daily-expiry", expiry.Schedule, occurrence => new RunExpirySweep(null, occurrence), LedgerClock.Zone)
        .UseScheduledMessages();
    opts.Schedules.ScheduleRecurring("daily-housekeeping", "30 3 * * *", _ => new PurgeStaleRecords(), LedgerClock.Zone);
});

var app = builder.Build();
app.Lifetime.ApplicationStarted.Register(() => app.Logger.LogInformation("PointsLedger ({Environment}) serves {Addresses}; Ctrl+C stops it",
    app.Environment.EnvironmentName, string.Join(", ", app.Urls)));

app.UseLedgerForwardedHeaders();
app.UseSecurityHeaders();
app.UseLedgerLocalization();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseRequestLimits(imports.MaxBytes);
app.UseEmptyIdsAsNotFound();
app.MapWebClients();
if (swagger) app.UseLedgerSwagger();
app.UseCors();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseMiddleware<IdempotencyMiddleware>();
app.MapLedgerHealth();
app.MapDevToken();
app.MapWolverineEndpoints(opts =>
{
    opts.ApplyCorrelationIdHeaderToAllEndpoints = true;
    opts.RejectUnparseableQueryValues = true;
    opts.RequireAuthorizeOnAll();
    opts.AddParameterHandlingStrategy(new ActorParameter());
    opts.AddPolicy<ValidationPolicy>();
    opts.AddPolicy<IdempotentAnswersPolicy>();
    opts.AddMiddleware(typeof(ActorRoleHeader), chain => chain.HttpMethods.Contains("POST"));
});

// JasperFx's command finder prints a line per assembly it searches: only a named command (codegen, db-apply, audit-notices) goes through it.
if (args.Length == 0 || args[0].StartsWith('-'))
{
    await app.RunAsync();
    return 0;
}
return await app.RunJasperFxCommands(args);

public partial class Program;
