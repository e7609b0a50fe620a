global using PointsLedger.Api.Tests.Infrastructure;
global using Xunit;
