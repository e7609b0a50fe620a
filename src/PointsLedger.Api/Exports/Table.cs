namespace PointsLedger.Exports;

/// <summary>A sheet to download: a title (the file and sheet name), column headers and rows of text or numbers.</summary>
public sealed record Table(string Title, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<object?>> Rows);
