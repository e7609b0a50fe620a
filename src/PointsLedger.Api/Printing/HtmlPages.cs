using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace PointsLedger.Printing;

public static class HtmlPages
{
    /// <summary>
    /// Every page (the notice sheet, the card, the report, the public check) is a Razor component
    /// answered as a <c>RazorComponentResult</c>, so every value is encoded by one encoder; it leaves
    /// Chinese readable in the markup instead of as character references.
    /// </summary>
    public static IServiceCollection AddHtmlPages(this IServiceCollection services)
    {
        services.AddRazorComponents();
        return services.AddWebEncoders(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
    }
}
