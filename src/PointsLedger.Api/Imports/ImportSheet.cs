using PointsLedger.Problems;

namespace PointsLedger.Imports;

/// <summary>The columns each kind of import reads, under the names villages write them.</summary>
public static class ImportColumns
{
    public const string HouseholdNo = "householdNo", HeadName = "headName", IdNumber = "idNumber", Phone = "phone", Grid = "grid";
    public const string MemberName = "memberName", MemberIdNumber = "memberIdNumber", Relation = "relation";
    public const string RuleCode = "ruleCode", Date = "date", Note = "note", PaperRef = "paperRef";

    public static readonly Column[] Households =
    [
        new(HouseholdNo, "户号", "门牌号", "户编号"),
        new(HeadName, "户主姓名", "户主"),
        new(IdNumber, "身份证号", "身份证", "身份证号码", "户主身份证号"),
        new(Phone, "手机号", "电话", "手机", "联系电话"),
        new(Grid, "网格", "所属网格"),
        new(MemberName, "成员姓名", "家庭成员"),
        new(MemberIdNumber, "成员身份证号", "成员身份证"),
        new(Relation, "与户主关系", "关系"),
    ];

    public static readonly Column[] Awards =
    [
        new(HouseholdNo, "户号", "门牌号", "户编号"),
        new(RuleCode, "细则编码", "细则", "积分细则"),
        new(Date, "日期", "发生日期"),
        new(Note, "备注", "说明"),
        new(PaperRef, "纸质台账页行", "台账页行", "页行"),
    ];

    public static Column[] Of(ImportKind kind) => kind == ImportKind.Households ? Households : Awards;

    public static string NameOf(ImportKind kind) => kind == ImportKind.Households ? "户籍花名册" : "积分台账";
}

/// <summary>An uploaded sheet: its header row, found below any title rows, and the data rows under it (blank rows left out).</summary>
public sealed class ImportSheet
{
    private const int RowsSearchedForHeader = 30;
    private readonly string _path;

    private ImportSheet(string path, HeaderRow header) => (_path, Header) = (path, header);

    public HeaderRow Header { get; }

    public static ImportSheet Open(string path, ImportKind kind)
    {
        var other = kind == ImportKind.Households ? ImportKind.Awards : ImportKind.Households;
        HeaderRow? header = null;
        foreach (var row in SheetRows.Read(path).Take(RowsSearchedForHeader))
        {
            header = HeaderRow.Find(row, ImportColumns.Of(kind));
            if (header is not null) break;
            if (HeaderRow.Find(row, ImportColumns.Of(other)) is not null)
            {
                throw new Refusal(ProblemCodes.ImportWrongKind, ImportColumns.NameOf(other), ImportColumns.NameOf(kind));
            }
        }
        if (header is null) throw new Refusal(ProblemCodes.ImportEmpty);
        return new ImportSheet(path, header);
    }

    public IEnumerable<SheetRow> DataRows() =>
        SheetRows.Read(_path).Where(row => row.Number > Header.Number && row.Cells.Any(cell => CellText.Clean(cell?.Text).Length > 0));
}
