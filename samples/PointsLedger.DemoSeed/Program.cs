using PointsLedger.DemoSeed;

// Seeds a township like 刁镇 through the running API (Development, for its dev sign-in):
//   dotnet run --project samples/PointsLedger.DemoSeed [-- http://localhost:5080 [householdsPerVillage]]
var address = new Uri(args.Length > 0 ? args[0] : "http://localhost:5080");
var householdsPerVillage = args.Length > 1 ? int.Parse(args[1]) : 215;

await new Seeder(new LedgerApi(address), householdsPerVillage, new Random(2026)).RunAsync();
