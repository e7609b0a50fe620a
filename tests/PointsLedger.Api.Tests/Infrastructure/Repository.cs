namespace PointsLedger.Api.Tests.Infrastructure;

public static class Repository
{
    /// <summary>The clone the tests run from, for the scripts and configuration the repository ships.</summary>
    public static string Root()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "PointsLedger.sln"))) return folder.FullName;
        }
        throw new InvalidOperationException("not inside the repository");
    }
}
