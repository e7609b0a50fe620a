using System.Globalization;
using FluentValidation;

namespace PointsLedger.Http;

public static class BilingualMessages
{
    /// <summary>A validation message of our own, in Chinese or English as the request's Accept-Language chose (as FluentValidation's own do).</summary>
    public static IRuleBuilderOptions<T, TProperty> WithMessage<T, TProperty>(this IRuleBuilderOptions<T, TProperty> rule, string zh, string en) =>
        rule.WithMessage(_ => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "zh" ? zh : en);
}
