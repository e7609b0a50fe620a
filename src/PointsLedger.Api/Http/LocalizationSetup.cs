using System.Globalization;
using FluentValidation;

namespace PointsLedger.Http;

public static class LocalizationSetup
{
    /// <summary>zh-CN unless the request's Accept-Language asks for English; validation messages follow.</summary>
    public static void UseLedgerLocalization(this WebApplication app)
    {
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) =>
            member is null ? null : char.ToLowerInvariant(member.Name[0]) + member.Name[1..];
        string[] cultures = ["zh-CN", "en"];
        app.UseRequestLocalization(options =>
        {
            options.SetDefaultCulture("zh-CN").AddSupportedCultures(cultures).AddSupportedUICultures(cultures);
            options.FallBackToParentUICultures = true;
            options.FallBackToParentCultures = true;
        });
        CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
    }
}
