namespace PointsLedger.EmbeddedPostgres; public static class Placeholder {}
