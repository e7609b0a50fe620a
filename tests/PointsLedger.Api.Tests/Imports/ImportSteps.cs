using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace PointsLedger.Api.Tests.Imports;

/// <summary>Sheets as villages keep them, written with the Open XML SDK, and the upload a cadre's browser makes.</summary>
public static class ImportSteps
{
    /// <summary>A worksheet: strings as text cells, numbers (int, long, double) as number cells, null as no cell; merges as "E3:E5".</summary>
    public static byte[] Xlsx(IEnumerable<object?[]> rows, params string[] merges)
    {
        using var output = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var part = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            var number = 0;
            foreach (var cells in rows)
            {
                number++;
                var row = new Row { RowIndex = (uint)number };
                for (var column = 0; column < cells.Length; column++)
                {
                    if (cells[column] is not { } value) continue;
                    var reference = $"{(char)('A' + column)}{number}";
                    row.Append(value is string text
                        ? new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }) }
                        : new Cell { CellReference = reference, CellValue = new CellValue(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!) });
                }
                data.Append(row);
            }
            var worksheet = new Worksheet(data);
            if (merges.Length > 0) worksheet.Append(new MergeCells(merges.Select(m => new MergeCell { Reference = m })));
            part.Worksheet = worksheet;
            workbook.Workbook.AppendChild(new Sheets()).Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = 1, Name = "花名册" });
        }
        return output.ToArray();
    }

    public static async Task<Response> Upload(this LedgerApp app, string token, Guid villageId, string kind, byte[] file, string fileName,
        bool dryRun = false, bool confirm = false, string? key = null)
    {
        using var http = app.Host.Server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/villages/{villageId}/imports?kind={kind}&dryRun={dryRun}&confirmDuplicates={confirm}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (key is not null) request.Headers.Add("Idempotency-Key", key);
        var content = new MultipartFormDataContent();
        var bytes = new ByteArrayContent(file);
        bytes.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".csv") ? "text/csv" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        content.Add(bytes, "file", fileName);
        request.Content = content;
        using var response = await http.SendAsync(request);
        return new Response(response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.Contains("Idempotent-Replayed"));
    }

    /// <summary>Uploads and waits for the import to end; its answer as <c>GET /api/imports/{importId}</c> gives it.</summary>
    public static async Task<JsonNode> Import(this LedgerApp app, string token, Guid villageId, string kind, byte[] file, string fileName,
        bool dryRun = false, bool confirm = false)
    {
        var accepted = (await app.Upload(token, villageId, kind, file, fileName, dryRun, confirm)).ShouldBe(HttpStatusCode.Accepted);
        return await app.Finished(token, accepted.Guid("importId"));
    }

    public static async Task<JsonNode> Finished(this LedgerApp app, string token, Guid importId)
    {
        var api = new LedgerClient(app);
        for (var i = 0; i < 600; i++)
        {
            var state = (await api.Get($"/api/imports/{importId}", token)).ShouldBe(HttpStatusCode.OK).Json;
            if ((string?)state["status"] != "running") return state;
            await Task.Delay(50);
        }
        throw new TimeoutException($"import {importId} still running");
    }

    public static JsonNode Row(this JsonNode import, int row) => import["report"]!.AsArray().Single(r => (int)r!["row"]! == row)!;
}
