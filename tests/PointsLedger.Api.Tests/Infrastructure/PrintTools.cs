using System.Diagnostics;

namespace PointsLedger.Api.Tests.Infrastructure;

/// <summary>
/// Independent readers of what we print, installed by .ci/run: headless Chromium prints an HTML page
/// as a browser would, poppler-utils (pdftotext, pdfinfo) read PDF files, and LibreOffice opens our
/// spreadsheets as a cadre's spreadsheet program would.
/// </summary>
public static class PrintTools
{
    public static byte[] PrintToPdf(string html)
    {
        var folder = Directory.CreateTempSubdirectory("print-").FullName;
        try
        {
            var page = Path.Combine(folder, "page.html");
            var pdf = Path.Combine(folder, "page.pdf");
            File.WriteAllText(page, html);
            Run("chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", $"--user-data-dir={folder}/profile",
                $"--print-to-pdf={pdf}", $"file://{page}");
            return File.ReadAllBytes(pdf);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A sheet (the first unless told) of an .xlsx as LibreOffice reads it, row by row, cells as shown (its CSV export, UTF-8).</summary>
    public static List<string[]> SheetAsLibreOfficeReadsIt(byte[] xlsx, int sheet = 1)
    {
        var folder = Directory.CreateTempSubdirectory("calc-").FullName;
        try
        {
            var file = Path.Combine(folder, "sheet.xlsx");
            File.WriteAllBytes(file, xlsx);
            Run("soffice", $"-env:UserInstallation=file://{folder}/profile", "--headless", "--norestore",
                "--convert-to", $"csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,{sheet}", "--outdir", folder, file);
            var exported = Directory.GetFiles(folder, "*.csv").Single();
            using var csv = Sylvan.Data.Csv.CsvDataReader.Create(exported, new Sylvan.Data.Csv.CsvDataReaderOptions { HasHeaders = false });
            var rows = new List<string[]>();
            while (csv.Read()) rows.Add(Enumerable.Range(0, csv.RowFieldCount).Select(csv.GetString).ToArray());
            return rows;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The text of the given pages, in reading order.</summary>
    public static string Text(byte[] pdf, int firstPage = 1, int? lastPage = null) =>
        WithFile(pdf, file => Run("pdftotext", "-layout", "-f", $"{firstPage}", "-l", $"{lastPage ?? 9999}", file, "-"));

    /// <summary>pdfinfo's fields: "Pages", "Page size", "Fonts" are what tests look at.</summary>
    public static Dictionary<string, string> Info(byte[] pdf) =>
        WithFile(pdf, file => Run("pdfinfo", file)).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(':', 2)).Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0].Trim(), parts => parts[1].Trim());

    public static string Fonts(byte[] pdf) => WithFile(pdf, file => Run("pdffonts", file));

    /// <summary>The first page as a PNG at 300 dpi, as a scanner would see the printout.</summary>
    public static byte[] FirstPageAsPng(byte[] pdf) => WithFile(pdf, file =>
    {
        Run("pdftoppm", "-r", "300", "-png", "-f", "1", "-l", "1", "-singlefile", file, file);
        var png = File.ReadAllBytes(file + ".png");
        File.Delete(file + ".png");
        return png;
    });

    private static T WithFile<T>(byte[] pdf, Func<string, T> read)
    {
        var file = Path.Combine(Path.GetTempPath(), $"read-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, pdf);
        try
        {
            return read(file);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{program} failed: {errors.Result}");
        return output;
    }
}
