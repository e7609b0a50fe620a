using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using PointsLedger.Http;
using PointsLedger.Villages;
using Wolverine.Http;

namespace PointsLedger.Notices;

/// <summary>
/// <see cref="Line"/>: the household's line as posted, shown only with its proof code from the sheet, with
/// what anyone needs to check it with their own code (RFC 6962, leaf encoding in <see cref="NoticeContent.LeafOf"/>):
/// its <see cref="Index"/> among the <see cref="TreeSize"/> lines and the <see cref="AuditPath"/> to the root.
/// </summary>
public sealed record SheetCheck(
    bool Valid, string Village, string Month, string? Digest, string? PreviousDigest, string? MerkleRoot, string Message,
    NoticeLine? Line = null, bool? LineValid = null)
{
    public int? Index { get; init; }

    public int? TreeSize { get; init; }

    public IReadOnlyList<string>? AuditPath { get; init; }
}

/// <summary>A line as printed on the sheet, with its proof code, to check against the sheet's Merkle root.</summary>
public sealed record VerifyLine(string Village, string Month, NoticeLine Line)
{
    public sealed class Validator : AbstractValidator<VerifyLine>
    {
        public Validator()
        {
            RuleFor(x => x.Village).NotEmpty().MaximumLength(32);
            RuleFor(x => x.Month).NotEmpty().Matches("^2[0-9]{3}-(0[1-9]|1[0-2])$");
            RuleFor(x => x.Line).NotNull();
        }
    }
}

public sealed record LineCheck(bool Valid, int Index, int Count, IReadOnlyList<string> AuditPath, string? MerkleRoot, string Message);

/// <summary>
/// 公示核验, open to anyone with a printed sheet, no sign-in: does a sheet's digest match the notice
/// the ledger posted, and does a line (with its proof code) belong to it? The answer to a line shows
/// only hashes of the other lines.
/// </summary>
public static class VerifySheetEndpoint
{
    /// <summary>公示核验: JSON, or a page with a form for <c>Accept: text/html</c> (the sheet's QR code opens it).</summary>
    [WolverineGet("/verify"), Tags("Verify"), AllowAnonymous, EnableRateLimiting(RateLimits.Verify), ProducesResponseType<SheetCheck>(200, "application/json", "text/html")]
    public static async Task<IResult> Sheet(
        string village, string month, string? digest, string? householdNo, string? proof, HttpContext context, IQuerySession session, CancellationToken ct)
    {
        var notice = await FindAsync(session, village, month, ct);
        var sheet = notice is null
            ? new SheetCheck(false, village, month, null, null, null, VerifyMessages.NoticeNotFound.Text())
            : digest is { Length: >= 12 } && notice.Digest.StartsWith(digest.ToLowerInvariant(), StringComparison.Ordinal)
                ? new SheetCheck(true, village, month, notice.Digest, notice.Content.PreviousDigest, notice.Content.MerkleRoot, VerifyMessages.SheetMatches.Text())
                : new SheetCheck(false, village, month, notice.Digest, notice.Content.PreviousDigest, notice.Content.MerkleRoot,
                    VerifyMessages.SheetDiffers.Text());
        var check = notice is not null && householdNo is not null && proof is not null ? WithLine(sheet, notice, householdNo, proof) : sheet;
        var wantsPage = context.Request.Headers.Accept.Any(a => a?.Contains("text/html", StringComparison.Ordinal) == true);
        return wantsPage
            ? new RazorComponentResult<VerifyPage>(new { Check = check, SuppliedDigest = digest })
            : Results.Json(check);
    }

    /// <summary>
    /// A resident checks their own line with the household number and proof code printed on it: the
    /// line as the ledger posted it, and whether it is under the sheet's Merkle root.
    /// </summary>
    private static SheetCheck WithLine(SheetCheck sheet, Notice notice, string householdNo, string proof)
    {
        var lines = notice.Content.Households;
        var index = lines.ToList().FindIndex(l => l.HouseholdNo == householdNo && string.Equals(l.ProofCode, proof.Trim(), StringComparison.OrdinalIgnoreCase));
        if (index < 0) return sheet with { LineValid = false, Message = sheet.Message.Then(VerifyMessages.LineNotFound) };
        var leaves = lines.Select(NoticeContent.LeafOf).ToList();
        var path = MerkleTree.AuditPath(leaves, index);
        var root = MerkleTree.RootFromPath(leaves[index], index, leaves.Count, path);
        var valid = Convert.ToHexStringLower(root) == notice.Content.MerkleRoot;
        return sheet with
        {
            Line = lines[index],
            LineValid = valid,
            Index = index,
            TreeSize = leaves.Count,
            AuditPath = path.Select(Convert.ToHexStringLower).ToList(),
            Message = sheet.Message.Then(valid ? VerifyMessages.LineOnSheet : VerifyMessages.LineNotOnSheet),
        };
    }

    public static async Task<Notice?> FindAsync(IQuerySession session, string villageCode, string month, CancellationToken ct)
    {
        var villageId = await session.Query<Village>().Where(v => v.Code == villageCode).Select(v => v.Id).FirstOrDefaultAsync(ct);
        return villageId == Guid.Empty ? null : await session.LoadAsync<Notice>(Notice.IdFor(villageId, month), ct);
    }
}

public static class VerifyLineEndpoint
{
    /// <summary>Checks a printed line and its proof code against the sheet's Merkle root; the answer shows only hashes of other lines.</summary>
    [WolverinePost("/verify/line"), Tags("Verify"), AllowAnonymous, EnableRateLimiting(RateLimits.Verify)]
    public static async Task<LineCheck> Line(VerifyLine command, IQuerySession session, CancellationToken ct)
    {
        var notice = await VerifySheetEndpoint.FindAsync(session, command.Village, command.Month, ct);
        var index = notice?.Content.Households.ToList().FindIndex(l => l.HouseholdNo == command.Line.HouseholdNo) ?? -1;
        if (notice is null || index < 0) return new LineCheck(false, -1, 0, [], null, VerifyMessages.HouseholdNotOnNotice.Text());

        var leaves = notice.Content.Households.Select(NoticeContent.LeafOf).ToList();
        var path = MerkleTree.AuditPath(leaves, index);
        var root = MerkleTree.RootFromPath(NoticeContent.LeafOf(command.Line), index, leaves.Count, path);
        var valid = Convert.ToHexStringLower(root) == notice.Content.MerkleRoot;
        return new LineCheck(valid, index, leaves.Count, path.Select(Convert.ToHexStringLower).ToList(), notice.Content.MerkleRoot,
            valid ? VerifyMessages.PrintedLineMatches.Text() : VerifyMessages.PrintedLineDiffers.Text());
    }
}
