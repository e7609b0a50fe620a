global using Xunit;
global using PointsLedger.Api.Tests.Infrastructure;
