using System.Globalization;

namespace PointsLedger.Problems;

/// <summary>The title and detail of each problem code, in Chinese and English.</summary>
public static class ProblemTexts
{
    private static readonly Dictionary<string, (string Zh, string En)> Texts = new()
    {
        ["validation-failed"] = ("请求内容有误，请检查标出的字段。", "The request has invalid fields; see errors."),
        ["malformed-request"] = ("请求不是有效的 JSON，或某个字段的值无法识别（例如颜色须为 red/purple/orange/green/blue）。", "The request body is not valid JSON or a field has a value that cannot be read (colours are red/purple/orange/green/blue)."),
        ["not-found"] = ("找不到该地址。", "No such resource."),
        ["method-not-allowed"] = ("该地址不支持此请求方法。", "This method is not allowed here."),
        ["not-acceptable"] = ("本服务只返回 JSON。", "This service answers in JSON only."),
        ["request-too-large"] = ("请求内容过大（上限 1 MB）。", "The request body is too large (1 MB at most)."),
        ["unsupported-media-type"] = ("请求内容须为 JSON（Content-Type: application/json）。", "Send JSON (Content-Type: application/json)."),
        ["village-not-found"] = ("找不到村（社区）{0}。", "Village {0} was not found."),
        ["household-not-found"] = ("找不到户 {0}。", "Household {0} was not found."),
        ["award-not-found"] = ("找不到积分记录 {0}。", "Award {0} was not found."),
        ["village-code-taken"] = ("该村编码已被使用。", "This village code is already in use."),
        ["household-number-taken"] = ("本村已登记该户号。", "This household number is already registered in this village."),
        ["rule-code-taken"] = ("本村已有编码为 {0} 的积分细则。", "The village already has a rule with code {0}."),
        ["unknown-rule"] = ("本村没有编码为 {0} 的积分细则。", "The village has no rule with code {0}."),
        ["occurred-in-expired-year"] = ("发生日期 {0} 所在年度的积分已清零，不能再登记。", "Points of the year of {0} have already expired; it cannot be recorded."),
        ["occurred-in-future"] = ("发生日期 {0} 晚于今天，不能登记。", "The date {0} is in the future."),
        ["month-closed"] = ("{0} 月已公示结账，不能再登记到该月；请登记到下一个未结账月份。", "Month {0} is closed; record the correction in the next open month."),
        ["monthly-cap-reached"] = ("该户本月“{0}”已得 {1} 分，上限 {2} 分，不能再加 {3} 分。", "This household already has {1} points from rule {0} this month; the cap is {2}, so {3} more cannot be added."),
        ["self-award"] = ("不能给本人所在的户加分、扣分或审批（人情分防范）。", "You cannot award, approve or revoke points for your own household."),
        ["self-approval"] = ("提交人不能审批自己提交的积分。", "The submitter cannot approve their own award."),
        ["award-not-pending"] = ("该积分记录不是待审批状态。", "The award is not pending approval."),
        ["award-already-revoked"] = ("该积分记录已撤销。", "The award has already been revoked."),
        ["out-of-scope"] = ("您无权操作其他村（社区）的数据。", "You may not act outside your own village."),
        ["forbidden"] = ("您的角色无权执行此操作。", "Your role may not do this."),
        ["unauthorized"] = ("请先登录。", "Sign in first."),
        ["household-not-in-village"] = ("户 {0} 不属于本村。", "Household {0} does not belong to this village."),
        ["batch-refused"] = ("批量登记未执行：有 {0} 户不符合条件，详见 failures；请修改后整批重新提交。", "The batch was not recorded: {0} households were refused (see failures); fix and resubmit the whole batch."),
        ["concurrency-conflict"] = ("数据刚被他人修改，请重试。", "The data was changed by someone else at the same time; retry."),
        ["idempotency-key-reused"] = ("该幂等键已用于另一个不同的请求。", "This Idempotency-Key was already used with a different request."),
        ["login-taken"] = ("该登录名已被使用。", "This login is already taken."),
        ["staff-not-found"] = ("找不到工作人员账号 {0}。", "Staff account {0} was not found."),
        ["sign-in-failed"] = ("登录名或密码错误。连续输错 5 次将锁定 15 分钟。", "Wrong login or password. Five failures in a row lock the account for 15 minutes."),
        ["account-locked"] = ("密码输错次数过多，账号已锁定至 {0}，或请管理员重置密码。", "Too many wrong passwords: the account is locked until {0}, or until an admin resets the password."),
        ["account-disabled"] = ("该账号已停用。", "This account is disabled."),
        ["refresh-token-invalid"] = ("登录已过期或已退出，请重新登录。", "The session has expired or was signed out; sign in again."),
        ["code-invalid"] = ("验证码错误或已过期，请重新获取。", "The code is wrong or has expired; request a new one."),
        ["sms-unavailable"] = ("短信服务暂不可用，请联系村干部。", "Text messages are not available right now; ask the village cadre."),
        ["mini-app-unavailable"] = ("暂未接入小程序登录。", "Mini-app sign-in is not set up."),
        ["mini-app-code-invalid"] = ("小程序登录凭证无效，请重试。", "The mini-app login code is not valid; try again."),
        ["mini-app-not-bound"] = ("该小程序账号尚未绑定农户，请先用手机验证码登录后绑定。", "This mini-app account is not bound to a household; sign in by phone code and bind it first."),
        ["too-many-requests"] = ("操作过于频繁，请稍后再试。", "Too many requests; try again later."),
        ["server-error"] = ("服务器内部错误，请稍后重试。", "An unexpected error occurred; retry later."),
    };

    public static string Detail(string code, object[] args, CultureInfo culture)
    {
        var (zh, en) = Texts.TryGetValue(code, out var text) ? text : (code, code);
        var template = culture.TwoLetterISOLanguageName == "zh" ? zh : en;
        return string.Format(culture, template, args);
    }
}
