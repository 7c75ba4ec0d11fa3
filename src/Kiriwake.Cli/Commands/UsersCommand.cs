using System.CommandLine;
using System.Data.Common;
using Kiriwake.Core.Knowledge;
using Kiriwake.Web.Helpdesk;
using Kiriwake.Web.Helpdesk.Accounts;
using Kiriwake.Web.Helpdesk.Store;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Kiriwake.Cli.Commands;

/// <summary>
/// `kiriwake users add NAME --role agent|technician|admin [--email ADDRESS] [--store CONN]`: a helpdesk account. The password is
/// read from standard input (one line; asked without echo on a terminal), never from an argument, so it stays out
/// of the shell's history and the process list.
/// </summary>
internal sealed class UsersCommand
{
    private readonly CliContext _context;
    private readonly Option<string?> _store = HelpdeskStoreOption.Create();
    private readonly Option<string> _role = new("--role") { Description = "agent, technician or admin / 役割", Required = true };
    private readonly Argument<string> _name = new("NAME") { Description = "The account name / アカウント名" };
    private readonly Option<string?> _email = new("--email")
    {
        Description = "The address your organisation's sign-in (OpenID Connect) knows this person by / 組織のサインインで使うメールアドレス",
    };

    public UsersCommand(CliContext context) => _context = context;

    public Command Build()
    {
        var add = new Command("add", "Add a helpdesk account; the password is read from standard input / ヘルプデスクのアカウントを追加する(パスワードは標準入力から)")
        {
            _name, _role, _email, _store,
        };
        add.SetAction(AddAsync);
        return new Command("users", "Helpdesk accounts / ヘルプデスクのアカウント") { add };
    }

    private async Task<int> AddAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var ja = _context.GetLanguage(parseResult) == Language.Ja;
        var name = parseResult.GetValue(_name)!;
        var role = parseResult.GetValue(_role)!;
        if (!HelpdeskRoles.IsKnown(role))
        {
            _context.Error.MarkupLine("[red]" + Markup.Escape(ja ? "--role は agent・technician・admin のどれかです。" : "--role must be agent, technician or admin.") + "[/]");
            return ExitCodes.Usage;
        }

        var password = ReadPassword(ja);
        if (string.IsNullOrEmpty(password))
        {
            _context.Error.MarkupLine("[red]" + Markup.Escape(ja
                ? "パスワードを標準入力から1行で渡してください(例: kiriwake users add sato --role admin < password.txt)。"
                : "Give the password as one line on standard input (e.g. kiriwake users add sato --role admin < password.txt).") + "[/]");
            return ExitCodes.Usage;
        }

        var connection = HelpdeskStoreOption.Resolve(parseResult.GetValue(_store));
        try
        {
            var services = new ServiceCollection().AddLogging().AddSingleton(connection).AddHelpdeskAccounts();
            await using var provider = services.BuildServiceProvider();
            await using var scope = provider.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<HelpdeskContext>().MigrateHelpdeskAsync(cancellationToken);
            var errors = await scope.ServiceProvider.GetRequiredService<HelpdeskAccounts>().AddAsync(name, password, role, "cli", cancellationToken, parseResult.GetValue(_email));
            if (errors.Count > 0)
            {
                foreach (var error in errors)
                {
                    _context.Error.MarkupLine("[red]" + Markup.Escape(error) + "[/]");
                }

                return ExitCodes.Failure;
            }
        }
        catch (DbException ex)
        {
            _context.Error.MarkupLine("[red]" + Markup.Escape(ja
                ? $"保存先 {connection.Describe()} を使えません: {ex.Message}"
                : $"Cannot use the store {connection.Describe()}: {ex.Message}") + "[/]");
            return ExitCodes.BadInput;
        }

        _context.Out.MarkupLine(Markup.Escape(ja
            ? $"アカウント {name}({HelpdeskRolesText(role, ja)})を追加しました。"
            : $"Added the account {name} ({HelpdeskRolesText(role, ja)})."));
        return ExitCodes.Success;
    }

    private string? ReadPassword(bool ja)
    {
        if (ReferenceEquals(_context.Input, Console.In) && !Console.IsInputRedirected)
        {
            return _context.Error.Prompt(new TextPrompt<string>(ja ? "パスワード(12文字以上):" : "Password (12 characters or more):").Secret());
        }

        return _context.Input.ReadLine();
    }

    private static string HelpdeskRolesText(string role, bool ja) => Kiriwake.Web.Helpdesk.Pages.HelpdeskHome.RoleName(role, ja);
}
