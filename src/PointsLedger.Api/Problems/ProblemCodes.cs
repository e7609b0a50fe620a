namespace PointsLedger.Problems;

/// <summary>
/// Every problem the API answers with, declared once: its machine-readable code, its HTTP status, and
/// its detail in Chinese and English (<c>{0}</c>… for the arguments a refusal carries).
/// </summary>
public static class ProblemCodes
{
    public static readonly ProblemCode ValidationFailed = new("validation-failed", 400,
        "请求内容有误，请检查标出的字段。",
        "The request has invalid fields; see errors.");

    public static readonly ProblemCode MalformedRequest = new("malformed-request", 400,
        "请求不是有效的 JSON，或某个字段的值无法识别（例如颜色须为 red/purple/orange/green/blue）。",
        "The request body is not valid JSON or a field has a value that cannot be read (colours are red/purple/orange/green/blue).");

    public static readonly ProblemCode NotFound = new("not-found", 404,
        "找不到该地址。",
        "No such resource.");

    public static readonly ProblemCode MethodNotAllowed = new("method-not-allowed", 405,
        "该地址不支持此请求方法。",
        "This method is not allowed here.");

    public static readonly ProblemCode NotAcceptable = new("not-acceptable", 406,
        "本服务只返回 JSON。",
        "This service answers in JSON only.");

    public static readonly ProblemCode RequestTooLarge = new("request-too-large", 413,
        "请求内容过大（上限 1 MB）。",
        "The request body is too large (1 MB at most).");

    public static readonly ProblemCode UnsupportedMediaType = new("unsupported-media-type", 415,
        "请求内容须为 JSON（Content-Type: application/json）。",
        "Send JSON (Content-Type: application/json).");

    public static readonly ProblemCode VillageNotFound = new("village-not-found", 404,
        "找不到村（社区）{0}。",
        "Village {0} was not found.");

    public static readonly ProblemCode HouseholdNotFound = new("household-not-found", 404,
        "找不到户 {0}。",
        "Household {0} was not found.");

    public static readonly ProblemCode AwardNotFound = new("award-not-found", 404,
        "找不到积分记录 {0}。",
        "Award {0} was not found.");

    public static readonly ProblemCode VillageCodeTaken = new("village-code-taken", 409,
        "该村编码已被使用。",
        "This village code is already in use.");

    public static readonly ProblemCode HouseholdNumberTaken = new("household-number-taken", 409,
        "本村已登记该户号。",
        "This household number is already registered in this village.");

    public static readonly ProblemCode RuleCodeTaken = new("rule-code-taken", 409,
        "本村已有编码为 {0} 的积分细则。",
        "The village already has a rule with code {0}.");

    public static readonly ProblemCode UnknownRule = new("unknown-rule", 422,
        "本村没有编码为 {0} 的积分细则。",
        "The village has no rule with code {0}.");

    public static readonly ProblemCode OccurredInExpiredYear = new("occurred-in-expired-year", 422,
        "发生日期 {0} 所在年度的积分已清零，不能再登记。",
        "Points of the year of {0} have already expired; it cannot be recorded.");

    public static readonly ProblemCode OccurredInFuture = new("occurred-in-future", 422,
        "发生日期 {0} 晚于今天，不能登记。",
        "The date {0} is in the future.");

    public static readonly ProblemCode MonthClosed = new("month-closed", 409,
        "{0} 月已公示结账，不能再登记到该月；请登记到下一个未结账月份。",
        "Month {0} is closed; record the correction in the next open month.");

    public static readonly ProblemCode MonthlyCapReached = new("monthly-cap-reached", 409,
        "该户本月“{0}”已得 {1} 分，上限 {2} 分，不能再加 {3} 分。",
        "This household already has {1} points from rule {0} this month; the cap is {2}, so {3} more cannot be added.");

    public static readonly ProblemCode SelfAward = new("self-award", 403,
        "不能给本人所在的户加分、扣分或审批（人情分防范）。",
        "You cannot award, approve or revoke points for your own household.");

    public static readonly ProblemCode SelfApproval = new("self-approval", 403,
        "提交人不能审批自己提交的积分或成员变更。",
        "The submitter cannot approve their own award or member change.");

    public static readonly ProblemCode AwardNotPending = new("award-not-pending", 409,
        "该积分记录不是待审批状态。",
        "The award is not pending approval.");

    public static readonly ProblemCode AwardAlreadyRevoked = new("award-already-revoked", 409,
        "该积分记录已撤销。",
        "The award has already been revoked.");

    public static readonly ProblemCode OutOfScope = new("out-of-scope", 403,
        "您无权操作其他村（社区）的数据。",
        "You may not act outside your own village.");

    public static readonly ProblemCode Forbidden = new("forbidden", 403,
        "您的角色无权执行此操作。",
        "Your role may not do this.");

    public static readonly ProblemCode Unauthorized = new("unauthorized", 401,
        "请先登录。",
        "Sign in first.");

    public static readonly ProblemCode PrintLinkInvalid = new("print-link-invalid", 401,
        "打印链接已失效（5 分钟内有效，只能打开原页面），请回到村务台重新打开。",
        "The print link has run out (it lasts five minutes, for its own page only); open it again from the console.");

    public static readonly ProblemCode NotPrintable = new("not-printable", 422,
        "{0} 不是可打印的页面。",
        "{0} is not a printable page.");

    public static readonly ProblemCode HouseholdNotInVillage = new("household-not-in-village", 422,
        "户 {0} 不属于本村。",
        "Household {0} does not belong to this village.");

    public static readonly ProblemCode BatchRefused = new("batch-refused", 422,
        "批量登记未执行：有 {0} 户不符合条件，详见 failures；请修改后整批重新提交。",
        "The batch was not recorded: {0} households were refused (see failures); fix and resubmit the whole batch.");

    public static readonly ProblemCode ConcurrencyConflict = new("concurrency-conflict", 409,
        "数据刚被他人修改，请重试。",
        "The data was changed by someone else at the same time; retry.");

    public static readonly ProblemCode IdempotencyKeyReused = new("idempotency-key-reused", 422,
        "该幂等键已用于另一个不同的请求。",
        "This Idempotency-Key was already used with a different request.");

    public static readonly ProblemCode LoginTaken = new("login-taken", 409,
        "该登录名已被使用。",
        "This login is already taken.");

    public static readonly ProblemCode StaffNotFound = new("staff-not-found", 404,
        "找不到工作人员账号 {0}。",
        "Staff account {0} was not found.");

    public static readonly ProblemCode SignInFailed = new("sign-in-failed", 401,
        "登录名或密码错误。连续输错 5 次将锁定 15 分钟。",
        "Wrong login or password. Five failures in a row lock the account for 15 minutes.");

    public static readonly ProblemCode RefreshTokenInvalid = new("refresh-token-invalid", 401,
        "登录已过期或已退出，请重新登录。",
        "The session has expired or was signed out; sign in again.");

    public static readonly ProblemCode CodeInvalid = new("code-invalid", 401,
        "验证码错误或已过期，请重新获取。",
        "The code is wrong or has expired; request a new one.");

    public static readonly ProblemCode DatabaseUnavailable = new("database-unavailable", 503,
        "系统暂时无法访问数据库，请稍后重试（重试不会重复记账）。",
        "The database cannot be reached right now; retry shortly (a retry with the same Idempotency-Key is applied once).");

    public static readonly ProblemCode SmsUnavailable = new("sms-unavailable", 503,
        "短信服务暂不可用，请联系村干部。",
        "Text messages are not available right now; ask the village cadre.");

    public static readonly ProblemCode MiniAppUnavailable = new("mini-app-unavailable", 503,
        "暂未接入小程序登录。",
        "Mini-app sign-in is not set up.");

    public static readonly ProblemCode MiniAppCodeInvalid = new("mini-app-code-invalid", 401,
        "小程序登录凭证无效，请重试。",
        "The mini-app login code is not valid; try again.");

    public static readonly ProblemCode MiniAppNotBound = new("mini-app-not-bound", 401,
        "该小程序账号尚未绑定农户，请先用手机验证码登录后绑定。",
        "This mini-app account is not bound to a household; sign in by phone code and bind it first.");

    public static readonly ProblemCode TownshipMismatch = new("township-mismatch", 422,
        "账号所属街道 {0} 与其所属村或商户的街道不一致。",
        "The township {0} is not the township of the account's village or merchant.");

    public static readonly ProblemCode CashValueAdminOnly = new("cash-value-admin-only", 403,
        "结算金额只能由街道管理员设定；收银员上架商品时只填积分价。",
        "Only a township admin sets what the township pays; a clerk lists goods with their point price only.");

    public static readonly ProblemCode CashValueAboveCeiling = new("cash-value-above-ceiling", 422,
        "结算金额 {0} 元超过上限：{1} 分最多 {2} 元/分。",
        "A cash value of {0} yuan is above the ceiling for {1} points ({2} yuan a point).");

    public static readonly ProblemCode MerchantNotFound = new("merchant-not-found", 404,
        "找不到商户 {0}。",
        "Merchant {0} was not found.");

    public static readonly ProblemCode RedemptionNotFound = new("redemption-not-found", 404,
        "找不到兑换记录 {0}。",
        "Redemption {0} was not found.");

    public static readonly ProblemCode TownshipRequired = new("township-required", 422,
        "请填写商户所属街道（township），或列出其服务的村（社区）。",
        "Name the merchant's township, or list the villages it serves.");

    public static readonly ProblemCode VillageOutsideTownship = new("village-outside-township", 422,
        "村（社区）“{0}”不属于街道“{1}”。",
        "Village {0} is not in township {1}.");

    public static readonly ProblemCode SkuTaken = new("sku-taken", 409,
        "该商户已有编码为 {0} 的商品。",
        "The merchant already has goods with SKU {0}.");

    public static readonly ProblemCode UnknownSku = new("unknown-sku", 422,
        "该商户没有编码为 {0} 的商品。",
        "The merchant has no goods with SKU {0}.");

    public static readonly ProblemCode UnknownOffer = new("unknown-offer", 422,
        "该商户没有优惠 {0}。",
        "The merchant has no offer {0}.");

    public static readonly ProblemCode OfferNotValid = new("offer-not-valid", 409,
        "优惠“{0}”今天不在有效期内。",
        "The offer {0} is not valid today.");

    public static readonly ProblemCode LimitReached = new("limit-reached", 409,
        "该户本月已兑换“{0}”{1} 次，每月限 {2} 次。",
        "This household has redeemed {0} {1} times this month; the limit is {2}.");

    public static readonly ProblemCode OutOfStock = new("out-of-stock", 409,
        "“{0}”库存不足，现有 {1} 件。",
        "Not enough {0} in stock: {1} left.");

    public static readonly ProblemCode InsufficientPoints = new("insufficient-points", 409,
        "可用积分不足：本次兑换需 {0} 分，该户可用 {1} 分（有的优惠只收指定颜色的积分）。",
        "Not enough points: this needs {0}, the household has {1} available (some offers take only certain colours).");

    public static readonly ProblemCode VillageNotServed = new("village-not-served", 422,
        "商户“{0}”不服务该户所在的村（社区）。",
        "Merchant {0} does not serve this household's village.");

    public static readonly ProblemCode TokenInvalid = new("token-invalid", 422,
        "付款码无效，请让村民刷新付款码后重新扫描。",
        "The payment code is not valid; ask the resident to refresh it and scan again.");

    public static readonly ProblemCode TokenExpired = new("token-expired", 409,
        "付款码已过期（有效期 2 分钟），请让村民刷新后重新扫描。",
        "The payment code has expired (it lasts 2 minutes); ask the resident to refresh it.");

    public static readonly ProblemCode TokenUsed = new("token-used", 409,
        "该付款码已使用过，请让村民刷新后重新扫描。",
        "This payment code has already been used; ask the resident to refresh it.");

    public static readonly ProblemCode CardNotFound = new("card-not-found", 404,
        "找不到该积分卡号，请核对卡号。",
        "No household has this card number; check it.");

    public static readonly ProblemCode CardCheckFailed = new("card-check-failed", 422,
        "身份证号后 6 位与该卡不符，今天还可尝试 {0} 次。",
        "The ID digits do not match this card; {0} tries are left today.");

    public static readonly ProblemCode IdNumberUnknown = new("id-number-unknown", 404,
        "没有找到这个身份证号的在册户，请核对后重输（今天还可再试 {0} 次）。",
        "No household here holds this ID number; check it and try again ({0} tries left today).");

    public static readonly ProblemCode IdNumberLocked = new("id-number-locked", 409,
        "今天输错身份证号次数过多，请明天再试，或请村民出示付款码、户卡。",
        "Too many unknown ID numbers today; try again tomorrow, or use the payment code or the card.");

    public static readonly ProblemCode CardLocked = new("card-locked", 409,
        "该卡今天核验错误已达 5 次，已锁定至明天，请改用付款码或联系村干部。",
        "Five wrong checks today have locked this card until tomorrow; use the payment code or ask the village cadre.");

    public static readonly ProblemCode RedemptionAlreadyReversed = new("redemption-already-reversed", 409,
        "小票 {0} 已冲正。",
        "Receipt {0} has already been reversed.");

    public static readonly ProblemCode ReversalWindowPassed = new("reversal-window-passed", 409,
        "兑换超过 {0} 天，不能再冲正，请联系街道管理员。",
        "Redemptions older than {0} days cannot be reversed; ask the township admin.");

    public static readonly ProblemCode UnknownFormat = new("unknown-format", 404,
        "不支持的格式“{0}”。",
        "Unknown format {0}.");

    public static readonly ProblemCode InvalidMonth = new("invalid-month", 422,
        "月份“{0}”格式应为 2026-10。",
        "The month {0} should look like 2026-10.");

    public static readonly ProblemCode MonthNotEnded = new("month-not-ended", 409,
        "{0} 月尚未结束，月底后才能结账公示。",
        "Month {0} has not ended yet.");

    public static readonly ProblemCode MonthAlreadyClosed = new("month-already-closed", 409,
        "{0} 月已结账公示。",
        "Month {0} is already closed.");

    public static readonly ProblemCode MonthOutOfOrder = new("month-out-of-order", 409,
        "须按月结账：下一个应结账的月份是 {1}，不能先结 {0}。",
        "Months close in order: the next to close is {1}, not {0}.");

    public static readonly ProblemCode AwardsPending = new("awards-pending", 409,
        "{0} 月及以前还有 {1} 条积分待审批（见 pending），审批或撤回后才能结账。",
        "{1} awards of {0} or before are still pending (see pending); approve or withdraw them first.");

    public static readonly ProblemCode NoticeNotFound = new("notice-not-found", 404,
        "{0} 月的公示不存在或尚未结账。",
        "There is no notice for {0}, or the month is not closed.");

    public static readonly ProblemCode TooManyOpenObjections = new("too-many-open-objections", 409,
        "本户已有 {0} 条异议尚未答复，请等待答复后再提出。",
        "The household already has {0} objections waiting for an answer; wait for one before raising another.");

    public static readonly ProblemCode ObjectionWindowClosed = new("objection-window-closed", 409,
        "异议期已于 {0} 截止，公示已生效。",
        "Objections closed on {0}; the notice is final.");

    public static readonly ProblemCode HouseholdNotOnNotice = new("household-not-on-notice", 422,
        "本户不在该月公示名单中。",
        "This household is not on the notice.");

    public static readonly ProblemCode UnknownEntry = new("unknown-entry", 422,
        "公示中没有第 {0} 条记录。",
        "The notice has no entry {0}.");

    public static readonly ProblemCode ObjectionNotFound = new("objection-not-found", 404,
        "找不到异议 {0}。",
        "Objection {0} was not found.");

    public static readonly ProblemCode ObjectionAlreadyAnswered = new("objection-already-answered", 409,
        "该异议已答复。",
        "This objection has already been answered.");

    public static readonly ProblemCode HouseholdRequired = new("household-required", 422,
        "请填写提出异议的户（householdId）。",
        "Name the household that objects (householdId).");

    public static readonly ProblemCode PdfFontMissing = new("pdf-font-missing", 503,
        "服务器未安装中文字体（{0}），暂不能生成 PDF，请改用网页版打印。",
        "No Chinese font is installed for PDFs (install {0}, or set Notices:PdfFont); print the HTML sheet instead.");

    public static readonly ProblemCode InvalidPeriod = new("invalid-period", 422,
        "统计区间 {0} 至 {1} 无效（结束月份不能早于开始月份，最长 3 年）。",
        "The period {0} to {1} is not valid (the end may not precede the start; 3 years at most).");

    public static readonly ProblemCode IdNumberTaken = new("id-number-taken", 409,
        "该身份证号码已登记在本街道的另一户。",
        "This ID number is already registered with another household of the township.");

    public static readonly ProblemCode MemberNotFound = new("member-not-found", 404,
        "找不到家庭成员 {0}。",
        "Member {0} was not found.");

    public static readonly ProblemCode MemberChangePending = new("member-change-pending", 409,
        "该成员已有待审核的变更。",
        "A change of this member is already waiting for approval.");

    public static readonly ProblemCode MemberChangeNotPending = new("member-change-not-pending", 409,
        "该成员没有待审核的变更。",
        "No change of this member is waiting for approval.");

    public static readonly ProblemCode MemberAlreadyRegistered = new("member-already-registered", 409,
        "此人已登记在本户。",
        "This person is already registered in this household.");

    public static readonly ProblemCode HouseholdClosed = new("household-closed", 409,
        "户 {0} 已迁出销户，不能再加分或兑换。",
        "Household {0} has moved out; it earns and spends nothing more.");

    public static readonly ProblemCode MovedOutBeforeLastAward = new("moved-out-before-last-award", 422,
        "迁出日期 {0} 早于该户最近一笔积分的日期 {1}。",
        "The move-out date {0} is before the household's last award, dated {1}.");

    public static readonly ProblemCode RuleAlreadyReplaced = new("rule-already-replaced", 409,
        "积分细则 {0} 已被 {1} 取代，请修订 {1}。",
        "Rule {0} has already been replaced by {1}; correct {1} instead.");

    public static readonly ProblemCode TemplateSetsCap = new("template-sets-cap", 422,
        "模板“{0}”已规定上限，采用时不能另设。",
        "Template {0} sets the cap; a village adopting it cannot set its own.");

    public static readonly ProblemCode CardReplaced = new("card-replaced", 409,
        "该积分卡已挂失补办，请使用新卡。",
        "This card has been replaced; use the new card.");

    public static readonly ProblemCode UnknownGrid = new("unknown-grid", 422,
        "本村没有编码为 {0} 的网格。",
        "The village has no grid {0}.");

    public static readonly ProblemCode GridEmpty = new("grid-empty", 422,
        "网格 {0} 中没有在册的户。",
        "Grid {0} has no households.");

    public static readonly ProblemCode GridTooLarge = new("grid-too-large", 422,
        "网格 {0} 有 {1} 户，一次批量最多 {2} 户，请分批列出各户。",
        "Grid {0} has {1} households; a batch takes at most {2}, so list them in parts.");

    public static readonly ProblemCode GridCodeTaken = new("grid-code-taken", 409,
        "本村已有编码为 {0} 的网格。",
        "The village already has a grid {0}.");

    public static readonly ProblemCode WorkerNotInVillage = new("worker-not-in-village", 422,
        "网格员账号 {0} 不存在或不属于本村。",
        "Staff account {0} does not exist or is not of this village.");

    public static readonly ProblemCode RuleRetired = new("rule-retired", 409,
        "积分细则 {0} 已停用，不能再按它加分（如有替代细则，见 replacedBy）。",
        "Rule {0} is retired; no new awards under it (see replacedBy for the rule that replaces it).");

    public static readonly ProblemCode QuarterlyCapReached = new("quarterly-cap-reached", 409,
        "该户本季度“{0}”已得 {1} 分，上限 {2} 分，不能再加 {3} 分。",
        "This household already has {1} points from rule {0} this quarter; the cap is {2}, so {3} more cannot be added.");

    public static readonly ProblemCode YearlyCapReached = new("yearly-cap-reached", 409,
        "该户本年度“{0}”已得 {1} 分，上限 {2} 分，不能再加 {3} 分。",
        "This household already has {1} points from rule {0} this year; the cap is {2}, so {3} more cannot be added.");

    public static readonly ProblemCode OnceCapReached = new("once-cap-reached", 409,
        "该户“{0}”累计已得 {1} 分，上限 {2} 分，不能再加 {3} 分。",
        "This household already has {1} points from rule {0} in all; the cap is {2}, so {3} more cannot be added.");

    public static readonly ProblemCode UnknownTemplate = new("unknown-template", 422,
        "街道没有编码为 {0} 的积分细则模板。",
        "The township has no rule template {0}.");

    public static readonly ProblemCode TemplateCodeTaken = new("template-code-taken", 409,
        "街道已有编码为 {0} 的积分细则模板。",
        "The township already has a rule template {0}.");

    public static readonly ProblemCode PointsOutsideTemplate = new("points-outside-template", 422,
        "分值 {0} 超出模板“{1}”允许的范围 {2} 至 {3}。",
        "{0} points are outside template {1}'s bounds, {2} to {3}.");

    public static readonly ProblemCode InvalidCursor = new("invalid-cursor", 400,
        "翻页参数 cursor 无效，请从第一页重新查询。",
        "The cursor is not valid; start again from the first page.");

    public static readonly ProblemCode ImportKindRequired = new("import-kind-required", 400,
        "请指明导入类型：kind=households（花名册）或 kind=awards（积分台账），并以 file 字段上传文件。",
        "Say what to import (kind=households or kind=awards) and upload the file as the field file.");

    public static readonly ProblemCode ImportTooLarge = new("import-too-large", 413,
        "文件过大（上限 {0} MB），请分成几个文件导入。",
        "The file is too large ({0} MB at most); split it into several files.");

    public static readonly ProblemCode ImportEmpty = new("import-empty", 422,
        "文件是空的，或找不到表头行。",
        "The file is empty, or has no header row.");

    public static readonly ProblemCode ImportNotASpreadsheet = new("import-not-a-spreadsheet", 422,
        "文件不是 .xlsx 或 .csv 表格（旧版 .xls 请在 Excel 中另存为 .xlsx）。",
        "The file is not an .xlsx or .csv sheet (save an old .xls as .xlsx in Excel).");

    public static readonly ProblemCode ImportWrongKind = new("import-wrong-kind", 422,
        "表头是{0}，不是本次要导入的{1}，请检查文件或导入类型。",
        "The headers are those of {0}, not of the {1} being imported; check the file or the kind.");

    public static readonly ProblemCode ImportUnreadable = new("import-unreadable", 422,
        "文件内容无法读取（格式损坏，或第一个工作表不是表格），请在 Excel 中另存后重新上传。",
        "The file cannot be read (damaged, or its first sheet is not a table); save it again in Excel and upload it.");

    public static readonly ProblemCode VillageRequired = new("village-required", 400,
        "请用 villageId 指明是哪个村（社区）的模板。",
        "Name the village (villageId) whose template this is.");

    public static readonly ProblemCode PaperRefTaken = new("paper-ref-taken", 409,
        "纸质台账 {0} 已录入为另一笔积分（户 {1}、细则 {2}、{3}），请核对页行。",
        "Paper reference {0} was already entered for another award (household {1}, rule {2}, {3}); check the page and line.");

    public static readonly ProblemCode ImportNotFound = new("import-not-found", 404,
        "找不到导入记录 {0}。",
        "Import {0} was not found.");

    public static readonly ProblemCode IdNumberStoredAsNumber = new("id-number-stored-as-number", 422,
        "身份证号被 Excel 存成了数字（{0}），末几位已丢失；请把该列设为“文本”后重新填写。",
        "Excel stored the ID number as a number ({0}) and lost its last digits; format the column as text and enter it again.");

    public static readonly ProblemCode IdNumberInvalid = new("id-number-invalid", 422,
        "身份证号码 {0} 无效（须为18位且校验位正确）。",
        "ID number {0} is not valid (18 characters with a correct check character).");

    public static readonly ProblemCode PhoneInvalid = new("phone-invalid", 422,
        "手机号码 {0} 应为11位。",
        "Phone number {0} should have 11 digits.");

    public static readonly ProblemCode FieldMissing = new("field-missing", 422,
        "缺少“{0}”。",
        "{0} is missing.");

    public static readonly ProblemCode FieldTooLong = new("field-too-long", 422,
        "“{0}”过长（最多 {1} 个字）。",
        "{0} is too long ({1} characters at most).");

    public static readonly ProblemCode DateInvalid = new("date-invalid", 422,
        "日期“{0}”无法识别（可写 2026-10-15、2026/10/15、2026年10月15日）。",
        "The date {0} cannot be read (write 2026-10-15, 2026/10/15 or 2026年10月15日).");

    public static readonly ProblemCode DuplicateRow = new("duplicate-row", 422,
        "与第 {0} 行重复。",
        "Repeats row {0}.");

    public static readonly ProblemCode LooksLikeDuplicate = new("looks-like-duplicate", 409,
        "该户 {1} 已有一条“{0}”的积分记录；如确属另一笔，请以 confirmDuplicates=true 重新导入。",
        "The household already has an award under {0} on {1}; if this is another one, import again with confirmDuplicates=true.");

    public static readonly ProblemCode HouseholdDiffers = new("household-differs", 409,
        "户号 {0} 已登记，表中的{1}与登记不同，未作修改（请用相应的变更功能）。",
        "Household {0} is registered; its {1} in the sheet differs and was not changed (use the change routes).");

    public static readonly ProblemCode HouseholdNumberUnknown = new("household-number-unknown", 422,
        "本村没有户号 {0}。",
        "The village has no household number {0}.");

    public static readonly ProblemCode RuleNotForAccount = new("rule-not-for-account", 422,
        "细则“{0}”不适用于{1}账户。",
        "Rule {0} does not apply to this kind of account ({1}).");

    public static readonly ProblemCode EvidenceRequired = new("evidence-required", 422,
        "细则“{0}”须附照片（evidenceIds）。",
        "Rule {0} requires a photo (evidenceIds).");

    public static readonly ProblemCode QuantityRequired = new("quantity-required", 422,
        "细则“{0}”按时长计分，请填写 quantity（小时数）。",
        "Rule {0} awards per hour: give quantity (the hours).");

    public static readonly ProblemCode QuantityNotApplicable = new("quantity-not-applicable", 422,
        "细则“{0}”按次计分，不填 quantity。",
        "Rule {0} awards per award; leave quantity out.");

    public static readonly ProblemCode ScoreOutOfBounds = new("score-out-of-bounds", 422,
        "评分 {0} 超出细则“{1}”的范围（{2} 至 {3} 分）。",
        "The score {0} is outside rule {1}'s bounds ({2} to {3}).");

    public static readonly ProblemCode AccountNotIndividual = new("account-not-individual", 422,
        "账户 {0} 不是本村的个人账户（网格员、志愿者等）。",
        "Account {0} is not an individual's account of this village.");

    public static readonly ProblemCode NotAHousehold = new("not-a-household", 422,
        "个人账户没有家庭成员。",
        "An individual's account has no members.");

    public static readonly ProblemCode AlreadyAssessed = new("already-assessed", 409,
        "{0} 的 {1}“{2}”已考核过；如需更正，请先撤销原考核。",
        "{0} was already assessed for {1} under {2}; revoke that assessment to correct it.");

    public static readonly ProblemCode PeriodNotEnded = new("period-not-ended", 422,
        "{0} 尚未结束，结束后才能考核赋分。",
        "The period {0} has not ended yet; assess it once it has.");

    public static readonly ProblemCode EvidenceNotFound = new("evidence-not-found", 404,
        "找不到照片 {0}。",
        "No such photo {0}.");

    public static readonly ProblemCode ImageInvalid = new("image-invalid", 422,
        "无法识别该图片（请上传手机拍摄的 JPEG、PNG 或 HEIC 照片）。",
        "The file is not an image that can be read (upload a JPEG, PNG or HEIC photo).");

    public static readonly ProblemCode ImageTooLarge = new("image-too-large", 413,
        "图片过大：最多 {0}（文件 10 MB、4000 万像素以内）。",
        "The image is too large: at most {0} (10 MB and 40 megapixels).");

    public static readonly ProblemCode ClaimNotFound = new("claim-not-found", 404,
        "找不到该申报。",
        "No such claim.");

    public static readonly ProblemCode ClaimNotOpen = new("claim-not-open", 409,
        "该申报已处理。",
        "The claim has already been decided.");

    public static readonly ProblemCode TooManyOpenClaims = new("too-many-open-claims", 409,
        "本户已有 {0} 条待处理的申报，请等村里处理后再申报。",
        "The household already has {0} open claims; wait until the village decides them.");

    public static readonly ProblemCode TooManyRequests = new("too-many-requests", 429,
        "操作过于频繁，请稍后再试。",
        "Too many requests; try again later.");

    public static readonly ProblemCode ServerError = new("server-error", 500,
        "服务器内部错误，请稍后重试。",
        "An unexpected error occurred; retry later.");
}
