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
        ["merchant-not-found"] = ("找不到商户 {0}。", "Merchant {0} was not found."),
        ["redemption-not-found"] = ("找不到兑换记录 {0}。", "Redemption {0} was not found."),
        ["township-required"] = ("请填写商户所属街道（township），或列出其服务的村（社区）。", "Name the merchant's township, or list the villages it serves."),
        ["village-outside-township"] = ("村（社区）“{0}”不属于街道“{1}”。", "Village {0} is not in township {1}."),
        ["sku-taken"] = ("该商户已有编码为 {0} 的商品。", "The merchant already has goods with SKU {0}."),
        ["unknown-sku"] = ("该商户没有编码为 {0} 的商品。", "The merchant has no goods with SKU {0}."),
        ["unknown-offer"] = ("该商户没有优惠 {0}。", "The merchant has no offer {0}."),
        ["offer-not-valid"] = ("优惠“{0}”今天不在有效期内。", "The offer {0} is not valid today."),
        ["limit-reached"] = ("该户本月已兑换“{0}”{1} 次，每月限 {2} 次。", "This household has redeemed {0} {1} times this month; the limit is {2}."),
        ["out-of-stock"] = ("“{0}”库存不足，现有 {1} 件。", "Not enough {0} in stock: {1} left."),
        ["insufficient-points"] = ("可用积分不足：本次兑换需 {0} 分，该户可用 {1} 分（有的优惠只收指定颜色的积分）。", "Not enough points: this needs {0}, the household has {1} available (some offers take only certain colours)."),
        ["village-not-served"] = ("商户“{0}”不服务该户所在的村（社区）。", "Merchant {0} does not serve this household's village."),
        ["token-invalid"] = ("付款码无效，请让村民刷新付款码后重新扫描。", "The payment code is not valid; ask the resident to refresh it and scan again."),
        ["token-expired"] = ("付款码已过期（有效期 2 分钟），请让村民刷新后重新扫描。", "The payment code has expired (it lasts 2 minutes); ask the resident to refresh it."),
        ["token-used"] = ("该付款码已使用过，请让村民刷新后重新扫描。", "This payment code has already been used; ask the resident to refresh it."),
        ["card-not-found"] = ("找不到该积分卡号，请核对卡号。", "No household has this card number; check it."),
        ["card-check-failed"] = ("身份证号后 6 位与该卡不符，今天还可尝试 {0} 次。", "The ID digits do not match this card; {0} tries are left today."),
        ["card-locked"] = ("该卡今天核验错误已达 5 次，已锁定至明天，请改用付款码或联系村干部。", "Five wrong checks today have locked this card until tomorrow; use the payment code or ask the village cadre."),
        ["redemption-already-reversed"] = ("小票 {0} 已冲正。", "Receipt {0} has already been reversed."),
        ["reversal-window-passed"] = ("兑换超过 {0} 天，不能再冲正，请联系街道管理员。", "Redemptions older than {0} days cannot be reversed; ask the township admin."),
        ["unknown-format"] = ("不支持的格式“{0}”。", "Unknown format {0}."),
        ["invalid-month"] = ("月份“{0}”格式应为 2026-10。", "The month {0} should look like 2026-10."),
        ["month-not-ended"] = ("{0} 月尚未结束，月底后才能结账公示。", "Month {0} has not ended yet."),
        ["month-already-closed"] = ("{0} 月已结账公示。", "Month {0} is already closed."),
        ["month-out-of-order"] = ("须按月结账：下一个应结账的月份是 {1}，不能先结 {0}。", "Months close in order: the next to close is {1}, not {0}."),
        ["awards-pending"] = ("{0} 月及以前还有 {1} 条积分待审批（见 pending），审批或撤回后才能结账。", "{1} awards of {0} or before are still pending (see pending); approve or withdraw them first."),
        ["notice-not-found"] = ("{0} 月的公示不存在或尚未结账。", "There is no notice for {0}, or the month is not closed."),
        ["objection-window-closed"] = ("异议期已于 {0} 截止，公示已生效。", "Objections closed on {0}; the notice is final."),
        ["household-not-on-notice"] = ("本户不在该月公示名单中。", "This household is not on the notice."),
        ["unknown-entry"] = ("公示中没有第 {0} 条记录。", "The notice has no entry {0}."),
        ["objection-not-found"] = ("找不到异议 {0}。", "Objection {0} was not found."),
        ["objection-already-answered"] = ("该异议已答复。", "This objection has already been answered."),
        ["household-required"] = ("请填写提出异议的户（householdId）。", "Name the household that objects (householdId)."),
        ["pdf-font-missing"] = ("服务器未安装中文字体，暂不能生成 PDF，请改用网页版打印。", "No Chinese font is installed for PDFs (Notices:PdfFont); print the HTML sheet instead."),
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
