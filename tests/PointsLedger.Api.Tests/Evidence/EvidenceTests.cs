using System.Net;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PointsLedger.Auth;

namespace PointsLedger.Api.Tests.Evidence;

[Collection(LedgerCollection.Name)]
public sealed class EvidenceTests(LedgerApp app)
{
    private readonly LedgerClient _api = new(app);
    private readonly HttpClient _http = app.Host.Server.CreateClient();

    private async Task<string> EvidenceRule(TestVillage village)
    {
        var code = $"E{Guid.NewGuid():N}"[..12];
        (await _api.Post($"/api/villages/{village.Id}/rules", new { code, color = "green", title = "清理河道", points = 5, requiresEvidence = true }, village.Cadre))
            .ShouldBe(HttpStatusCode.Created);
        return code;
    }

    private async Task<(long Rows, long Bytes)> Stored()
    {
        await using var session = app.Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        await using var connection = (NpgsqlConnection)session.Connection!;
        await using var command = new NpgsqlCommand("select count(*), coalesce(sum(octet_length(jpeg)), 0) from ledger.evidence_images", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    [Fact]
    public async Task A_phone_photo_is_kept_small_without_its_gps_and_camera_and_a_rule_that_requires_evidence_takes_it()
    {
        var village = await _api.NewVillage();
        var household = await _api.NewHousehold(village);
        var rule = await EvidenceRule(village);
        var photo = Photos.WithGpsAndCamera(Photos.Jpeg(4032, 3024));
        var before = await Stored();

        var uploaded = (await Photos.Upload(_http, village.Cadre, photo, "IMG_0001.JPG")).ShouldBe(HttpStatusCode.Created).Json;
        var again = (await Photos.Upload(_http, village.Cadre, photo, "IMG_0001.JPG")).ShouldBe(HttpStatusCode.Created).Json;
        var after = await Stored();
        var id = (string)uploaded["evidenceId"]!;
        var without = await _api.Post("/api/awards", new { householdId = household, ruleCode = rule, occurredOn = _api.Today() }, village.Cadre);
        var with = await _api.Post("/api/awards", new { householdId = household, ruleCode = rule, occurredOn = _api.Today(), evidenceIds = new[] { id } }, village.Cadre);
        var kept = await _api.Download($"/api/evidence/{id}", village.Approver);
        var thumbnail = await _api.Download($"/api/evidence/{id}/thumbnail", _api.Token(Roles.Resident, householdId: household));
        var ledger = await _api.Ledger(household);

        Assert.Equal((1600, 1200), ((int)uploaded["width"]!, (int)uploaded["height"]!));
        Assert.Equal(id, (string?)again["evidenceId"]);
        Assert.Equal(kept.Length, (int)uploaded["bytes"]!);
        Assert.Equal((before.Rows + 1, before.Bytes + kept.Length), after);
        Assert.True(kept.Length < photo.Length / 3, $"kept {kept.Length} bytes of an upload of {photo.Length}");
        without.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "evidence-required");
        with.ShouldBe(HttpStatusCode.Created);
        Assert.Equal(id, (string?)ledger[0]!["details"]!["evidenceIds"]![0]);
        var original = Photos.Metadata(photo);
        Assert.Equal("Apple", (string?)original["IFD0:Make"]);
        Assert.NotNull(original["GPS:GPSLatitude"]);
        var metadata = Photos.Metadata(kept);
        Assert.Equal((1600, 1200), ((int)metadata["File:ImageWidth"]!, (int)metadata["File:ImageHeight"]!));
        Assert.DoesNotContain(metadata, tag => tag.Key.StartsWith("GPS:", StringComparison.Ordinal) || tag.Key.StartsWith("IFD0:", StringComparison.Ordinal)
            || tag.Key.StartsWith("ExifIFD:", StringComparison.Ordinal) || tag.Key.StartsWith("XMP", StringComparison.Ordinal));
        Assert.DoesNotContain("张三明", string.Join(' ', metadata.Select(tag => tag.Value?.ToString())));
        var small = Photos.Metadata(thumbnail);
        Assert.Equal((320, 240), ((int)small["File:ImageWidth"]!, (int)small["File:ImageHeight"]!));
    }

    [Fact]
    public async Task A_photo_is_served_only_to_whoever_may_read_the_account_it_belongs_to()
    {
        var village = await _api.NewVillage();
        var household = await _api.NewHousehold(village);
        var rule = await EvidenceRule(village);
        var other = await _api.NewVillage();
        var id = (string)(await Photos.Upload(_http, village.Cadre, Photos.Jpeg(800, 600), "a.jpg")).ShouldBe(HttpStatusCode.Created).Json["evidenceId"]!;
        var beforeAward = await _api.Get($"/api/evidence/{id}", village.Approver);
        var stolen = await _api.Post("/api/awards", new { householdId = await _api.NewHousehold(other), ruleCode = rule, occurredOn = _api.Today(), evidenceIds = new[] { id } },
            other.Cadre);
        (await _api.Post("/api/awards", new { householdId = household, ruleCode = rule, occurredOn = _api.Today(), evidenceIds = new[] { id } }, village.Cadre))
            .ShouldBe(HttpStatusCode.Created);

        var neighbour = await _api.NewHousehold(village);
        (await _api.Post("/api/awards", new { householdId = neighbour, ruleCode = rule, occurredOn = _api.Today(), evidenceIds = new[] { id } }, village.Cadre))
            .ShouldBe(HttpStatusCode.Created);
        var readers = new[]
        {
            village.Cadre, village.Approver, _api.Admin, _api.Token(Roles.Resident, householdId: household), _api.Token(Roles.Resident, householdId: neighbour),
            _api.Token(Roles.Auditor, township: "刁镇街道"),
        };
        var outsiders = new[]
        {
            other.Cadre, other.Approver, _api.Token(Roles.Resident, householdId: await _api.NewHousehold(village)), _api.Token(Roles.Clerk, merchantId: Guid.NewGuid()),
            _api.Token(Roles.Admin, township: "明水街道"),
        };

        beforeAward.ShouldBeProblem(HttpStatusCode.NotFound, "evidence-not-found");
        stolen.ShouldBeProblem(HttpStatusCode.NotFound, "evidence-not-found");
        foreach (var reader in readers) (await _api.Get($"/api/evidence/{id}", reader)).ShouldBe(HttpStatusCode.OK);
        foreach (var outsider in outsiders)
        {
            Assert.True((await _api.Get($"/api/evidence/{id}", outsider)).Status is HttpStatusCode.NotFound or HttpStatusCode.Forbidden);
            Assert.True((await _api.Get($"/api/evidence/{id}/thumbnail", outsider)).Status is HttpStatusCode.NotFound or HttpStatusCode.Forbidden);
        }
        (await _api.Get($"/api/evidence/{id}", null)).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_heic_photo_from_an_iphone_is_kept_as_a_jpeg()
    {
        var village = await _api.NewVillage();
        var heic = Photos.Heic(2000, 1500);

        var uploaded = (await Photos.Upload(_http, village.Cadre, heic, "IMG_0002.HEIC", "image/heic")).ShouldBe(HttpStatusCode.Created).Json;
        var kept = await _api.Download($"/api/evidence/{(string)uploaded["evidenceId"]!}", village.Cadre);

        Assert.Equal((1600, 1200), ((int)uploaded["width"]!, (int)uploaded["height"]!));
        Assert.Equal("JPEG", (string?)Photos.Metadata(kept)["File:FileType"]);
    }

    public static TheoryData<string, string, string> BadImages => new()
    {
        { "bomb", "image-too-large", "a PNG of 900 megapixels in a few hundred kilobytes" },
        { "fifty-megapixels", "image-too-large", "a real JPEG of 8,192 × 6,144" },
        { "not-an-image", "image-invalid", "a text file named .jpg" },
        { "svg", "image-invalid", "an SVG, which ImageMagick would otherwise render" },
        { "truncated", "image-invalid", "a JPEG cut off halfway" },
        { "empty", "image-invalid", "no bytes" },
    };

    [Theory]
    [MemberData(nameof(BadImages))]
    public async Task A_file_that_is_not_a_photo_a_phone_takes_is_refused_and_nothing_is_stored(string kind, string code, string _)
    {
        var village = await _api.NewVillage();
        var file = kind switch
        {
            "bomb" => Photos.DecompressionBomb(),
            "fifty-megapixels" => Photos.Jpeg(8192, 6144, quality: 50),
            "not-an-image" => "这不是照片"u8.ToArray(),
            "svg" => """<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>"""u8.ToArray(),
            "truncated" => Photos.Jpeg(1200, 900)[..40_000],
            _ => [],
        };
        var before = await Stored();

        var refused = await Photos.Upload(_http, village.Cadre, file, "photo.jpg");

        refused.ShouldBeProblem(code == "image-too-large" ? HttpStatusCode.RequestEntityTooLarge : HttpStatusCode.UnprocessableEntity, code);
        Assert.Equal(before, await Stored());
    }

    [Fact]
    public async Task A_file_over_ten_megabytes_is_refused_by_name()
    {
        var village = await _api.NewVillage();
        var big = new byte[10 * 1024 * 1024 + 1];
        Photos.Jpeg(64, 48).CopyTo(big, 0);

        (await Photos.Upload(_http, village.Cadre, big, "big.jpg")).ShouldBeProblem(HttpStatusCode.RequestEntityTooLarge, "image-too-large");
        (await Photos.Upload(_http, _api.Token(Roles.Clerk, merchantId: Guid.NewGuid()), Photos.Jpeg(64, 48), "x.jpg")).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
    }
}
