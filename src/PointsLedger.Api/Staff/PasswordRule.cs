using PointsLedger.Http;
using FluentValidation;

namespace PointsLedger.Staff;

/// <summary>At least 10 characters with a letter and a digit: staff type these on village office PCs and phones.</summary>
public sealed class PasswordRule : AbstractValidator<string>
{
    public PasswordRule()
    {
        RuleFor(x => x).NotEmpty().MinimumLength(10).MaximumLength(128)
            .Must(p => p.Any(char.IsLetter) && p.Any(char.IsDigit)).WithMessage("密码至少10位，须含字母和数字", "At least 10 characters, with letters and digits");
    }
}
