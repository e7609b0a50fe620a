global using Xunit;
global using PointsLedger.Households;
global using PointsLedger.Ledger;
