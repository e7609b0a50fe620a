using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using PointsLedger.Problems;

namespace PointsLedger.Http;

/// <summary>
/// Where a page of a list ended, handed to the client as opaque text (<c>next</c>) and back as
/// <c>cursor</c>: the sort key of the last item, so the next page starts after it however the list
/// changed in between.
/// </summary>
public static class Cursor
{
    public const int PageSize = 50;

    public static string Of<T>(T position) => WebEncoders.Base64UrlEncode(JsonSerializer.SerializeToUtf8Bytes(position));

    public static T? Read<T>(string? cursor) where T : class
    {
        if (cursor is null) return null;
        try
        {
            return JsonSerializer.Deserialize<T>(WebEncoders.Base64UrlDecode(cursor)) ?? throw new Refusal(ProblemCodes.InvalidCursor);
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            throw new Refusal(ProblemCodes.InvalidCursor);
        }
    }

    /// <summary>The page's items and the cursor of the next page, when there is one: the query asks for one item more than a page.</summary>
    public static Page<TItem> Paged<TItem, TPosition>(IReadOnlyList<TItem> oneMoreThanAPage, Func<TItem, TPosition> positionOf) =>
        oneMoreThanAPage.Count > PageSize
            ? new Page<TItem>(oneMoreThanAPage.Take(PageSize).ToList(), Of(positionOf(oneMoreThanAPage[PageSize - 1])))
            : new Page<TItem>(oneMoreThanAPage, null);
}

/// <param name="Next">The <c>cursor</c> of the next page; null on the last page.</param>
public sealed record Page<T>(IReadOnlyList<T> Items, string? Next);
