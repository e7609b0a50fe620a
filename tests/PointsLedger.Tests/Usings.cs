global using PointsLedger.Households;
global using PointsLedger.Ledger;
global using Xunit;
