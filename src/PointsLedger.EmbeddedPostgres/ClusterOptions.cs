namespace PointsLedger.EmbeddedPostgres;

public sealed record ClusterOptions(string DataDirectory, int Port)
{
    public string Database { get; init; } = "pointsledger";

    /// <summary>Folder holding initdb and pg_ctl; found automatically when null.</summary>
    public string? BinDirectory { get; init; }

    /// <summary>Throwaway clusters for tests skip fsync; a cluster holding real data never does.</summary>
    public bool Durable { get; init; } = true;

    /// <summary>PostgreSQL refuses to run as root; when we are root the cluster runs as this user.</summary>
    public string UnprivilegedUser { get; init; } = "postgres";
}
