using PointsLedger.Printing;

namespace PointsLedger.Tests.Printing;

public sealed class ChineseFontChoiceTests
{
    private const string Noto = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";

    [Fact]
    public void Noto_sans_cjk_sc_regular_is_chosen_over_the_other_faces_that_cover_chinese()
    {
        var listing = string.Join('\n',
            $"{Noto}\t0\tNoto Sans CJK JP\tRegular",
            "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc\t2\tNoto Sans CJK SC\tBold",
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc\t0\tWenQuanYi Zen Hei\tRegular",
            $"{Noto}\t2\tNoto Sans CJK SC\tRegular",
            "");

        Assert.Equal(new FontFace(Noto, 2, "Noto Sans CJK SC", "Regular"), ChineseFonts.Preferred(listing));
    }

    [Fact]
    public void Any_face_that_covers_chinese_serves_when_noto_is_not_installed()
    {
        var face = ChineseFonts.Preferred("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc\t0\tWenQuanYi Zen Hei\tRegular\n");

        Assert.Equal("WenQuanYi Zen Hei", face?.Family);
    }

    [Fact]
    public void An_empty_listing_finds_no_font()
    {
        Assert.Null(ChineseFonts.Preferred(""));
    }
}
