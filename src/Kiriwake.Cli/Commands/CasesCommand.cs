using System.CommandLine;
using System.Data.Common;
using System.Globalization;
using Kiriwake.Core.Knowledge;
using Kiriwake.Web.Helpdesk.Audit;
using Kiriwake.Web.Helpdesk.Cases;
using Kiriwake.Web.Helpdesk.Store;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;

namespace Kiriwake.Cli.Commands;

/// <summary>
/// `kiriwake cases export [--store CONN] [--out FILE]`: the helpdesk's closed cases as JSON lines (the input of
/// `kiriwake kb learn`), the same as `GET /api/cases/export?format=jsonl`; audited as an export by "cli".
/// </summary>
internal sealed class CasesCommand
{
    private readonly CliContext _context;
    private readonly Option<string?> _store = HelpdeskStoreOption.Create();
    private readonly Option<string?> _out = new("--out") { Description = "Write to this file instead of standard output / 書き出すファイル" };

    public CasesCommand(CliContext context) => _context = context;

    public Command Build()
    {
        var export = new Command("export", "Closed cases as JSON lines, for kb learn / 閉じた案件を JSON lines で書き出す")
        {
            _store, _out,
        };
        export.SetAction(ExportAsync);
        return new Command("cases", "The helpdesk's cases / ヘルプデスクの案件") { export };
    }

    private async Task<int> ExportAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var ja = _context.GetLanguage(parseResult) == Language.Ja;
        var connection = HelpdeskStoreOption.Resolve(parseResult.GetValue(_store));
        var outPath = parseResult.GetValue(_out);
        try
        {
            await using var db = HelpdeskStore.Open(connection);
            if (!(await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Any(m => m.EndsWith("_HelpdeskCases", StringComparison.Ordinal)))
            {
                _context.Error.MarkupLine(Markup.Escape(ja
                    ? $"{connection.Describe()} には案件の記録がありません(ヘルプデスクがまだこの保存先で動いていません)。"
                    : $"{connection.Describe()} holds no helpdesk cases (the helpdesk has not run on this store)."));
                return ExitCodes.NotFound;
            }

            int count;
            if (outPath is null)
            {
                using var buffer = new MemoryStream();
                count = await CaseExport.WriteAsync(db, buffer, cancellationToken);
                _context.OutWriter.Write(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
                _context.OutWriter.Flush();
            }
            else
            {
                // Written beside the target and moved into place: a failed export leaves an earlier file intact.
                var full = Path.GetFullPath(outPath);
                var temporary = full + ".partial";
                try
                {
                    await using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
                    {
                        count = await CaseExport.WriteAsync(db, file, cancellationToken);
                    }

                    File.Move(temporary, full, overwrite: true);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    TryDelete(temporary);
                    _context.Error.MarkupLine("[red]" + Markup.Escape(ja ? $"{outPath} に書き出せません: {ex.Message}" : $"Cannot write {outPath}: {ex.Message}") + "[/]");
                    return ExitCodes.FileError;
                }
            }

            await new AuditLog(db, _context.Time).AppendAsync(
                new AuditEntry("cli", "export", Detail: string.Create(CultureInfo.InvariantCulture, $"{{\"format\":\"jsonl\",\"cases\":{count}}}")), cancellationToken);
            _context.Error.MarkupLine(Markup.Escape(ja
                ? $"閉じた案件 {count.ToString(CultureInfo.InvariantCulture)} 件を書き出しました。"
                : $"Exported {count.ToString(CultureInfo.InvariantCulture)} closed cases."));
            return ExitCodes.Success;
        }
        catch (DbException ex)
        {
            _context.Error.MarkupLine("[red]" + Markup.Escape(HelpdeskStoreOption.CannotRead(connection, ex, ja)) + "[/]");
            return ExitCodes.BadInput;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: the partial file is named as such.
        }
    }
}
