using System.CommandLine;
using System.Data.Common;
using System.Globalization;
using Kiriwake.Core.Knowledge;
using Kiriwake.Web.Helpdesk.Audit;
using Kiriwake.Web.Helpdesk.Store;
using Kiriwake.Web.Store;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;

namespace Kiriwake.Cli.Commands;

/// <summary>`kiriwake audit verify [--store CONN]`: walks the helpdesk's audit chain and reports the first broken link.</summary>
internal sealed class AuditCommand
{
    private readonly CliContext _context;
    private readonly Option<string?> _store = HelpdeskStoreOption.Create();

    public AuditCommand(CliContext context) => _context = context;

    public Command Build()
    {
        var verify = new Command("verify", "Check the audit table's hash chain; exit 1 at the first broken link / 監査記録の改ざんを確認する")
        {
            _store,
        };
        verify.SetAction(VerifyAsync);
        return new Command("audit", "The helpdesk's audit table / ヘルプデスクの監査記録") { verify };
    }

    private async Task<int> VerifyAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var ja = _context.GetLanguage(parseResult) == Language.Ja;
        var connection = HelpdeskStoreOption.Resolve(parseResult.GetValue(_store));
        try
        {
            await using var db = HelpdeskStore.Open(connection);
            if (!(await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Any())
            {
                _context.Error.MarkupLine(Markup.Escape(ja
                    ? $"{connection.Describe()} にはヘルプデスクの記録がありません(ヘルプデスクがまだこの保存先で動いていません)。"
                    : $"{connection.Describe()} holds no helpdesk tables (the helpdesk has not run on this store)."));
                return ExitCodes.NotFound;
            }

            var result = await AuditVerifier.VerifyAsync(db, cancellationToken);
            if (result.FirstBreak is { } broken)
            {
                _context.Out.MarkupLine("[red]" + Markup.Escape(ja ? BrokenJa(broken) : $"BROKEN at row {broken.Seq}: {broken.Message}") + "[/]");
                _context.Out.MarkupLine(Markup.Escape(ja
                    ? $"それより前の {result.RowsChecked.ToString(CultureInfo.InvariantCulture)} 件は正しくつながっています。"
                    : $"The {result.RowsChecked.ToString(CultureInfo.InvariantCulture)} rows before it are intact."));
                return ExitCodes.Failure;
            }

            _context.Out.MarkupLine("[green]" + Markup.Escape(ja
                ? $"監査記録 {result.RowsChecked.ToString(CultureInfo.InvariantCulture)} 件はすべて正しくつながっています(改ざんなし)。"
                : $"Audit chain intact: {result.RowsChecked.ToString(CultureInfo.InvariantCulture)} rows, every link verified.") + "[/]");
            return ExitCodes.Success;
        }
        catch (DbException ex)
        {
            _context.Error.MarkupLine("[red]" + Markup.Escape(HelpdeskStoreOption.CannotRead(connection, ex, ja)) + "[/]");
            return ExitCodes.BadInput;
        }
    }

    private static string BrokenJa(AuditBreak broken)
    {
        var seq = broken.Seq.ToString(CultureInfo.InvariantCulture);
        return broken.Kind switch
        {
            AuditBreakKind.Gap => $"{seq} 件目で連鎖が切れています: 記録が抜けているか、挿入されています。",
            AuditBreakKind.Link => $"{seq} 件目で連鎖が切れています: 直前の記録が書き換えられたか、差し替えられています。",
            _ => $"{seq} 件目で連鎖が切れています: この記録の内容が書き換えられています。",
        };
    }
}
