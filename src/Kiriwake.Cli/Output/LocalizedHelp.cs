using System.CommandLine;
using System.CommandLine.Completions;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Globalization;
using Kiriwake.Core.Knowledge;
using Kiriwake.Core.Text;

namespace Kiriwake.Cli.Output;

/// <summary>
/// `--help` in the reader's language, wrapped by display width with the Japanese line-breaking rules. The
/// commands' descriptions are written "English / 日本語"; the help shows the half of the language asked for (--lang,
/// KIRIWAKE_LANG or the culture). System.CommandLine's own help counts characters, so wide Japanese lines ran past the
/// terminal's edge and broke in the middle of words.
/// </summary>
internal sealed class LocalizedHelp(CliContext context) : SynchronousCommandLineAction
{
    private const int Indent = 2;
    private const int Gap = 2;

    /// <summary>Replaces the root's help option's action (it serves every subcommand).</summary>
    public static void Install(RootCommand root, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(root);
        foreach (var help in root.Options.OfType<HelpOption>())
        {
            help.Action = new LocalizedHelp(context);
            help.Description = "Show this help / この説明を表示";
        }

        foreach (var version in root.Options.OfType<VersionOption>())
        {
            version.Description = "Show the version / 版を表示";
        }
    }

    /// <summary>The half of an "English / 日本語" text in <paramref name="language"/>; a text in one language as it is.</summary>
    public static string Pick(string? text, Language language)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var split = text.LastIndexOf(" / ", StringComparison.Ordinal);
        if (split < 0 || !text.AsSpan(split + 3).ContainsAnyInRange('\u3000', '\u9fff'))
        {
            return text;
        }

        return language == Language.Ja ? text[(split + 3)..].Trim() : text[..split].Trim();
    }

    public override int Invoke(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var language = context.GetLanguage(parseResult);
        var ja = language == Language.Ja;
        var command = parseResult.CommandResult.Command;
        var width = Math.Max(40, context.Out.Profile.Width);
        var output = context.OutWriter;

        Section(output, ja ? "説明:" : "Description:", [Pick(command.Description, language)], width);
        output.WriteLine(ja ? "使い方:" : "Usage:");
        output.WriteLine(new string(' ', Indent) + Usage(command));
        output.WriteLine();

        Columns(output, ja ? "引数:" : "Arguments:", command.Arguments.Where(a => !a.Hidden).Select(a => ("<" + (a.HelpName ?? a.Name) + ">", Pick(a.Description, language))).ToList(), width);
        var options = command.Options.Concat(Ancestors(command).SelectMany(c => c.Options).Where(o => o.Recursive))
            .Where(o => !o.Hidden).Distinct().Select(o => (OptionLabel(o), Pick(o.Description, language) + DefaultText(o, ja))).ToList();
        Columns(output, ja ? "オプション:" : "Options:", options, width);
        Columns(output, ja ? "コマンド:" : "Commands:", command.Subcommands.Where(c => !c.Hidden).Select(c => (string.Join(", ", c.Aliases.Prepend(c.Name)), Pick(c.Description, language))).ToList(), width);
        output.Flush();
        return 0;
    }

    /// <summary>"-h, --help", "--symptom &lt;ID&gt;", "--lang &lt;en|ja&gt;".</summary>
    private static string OptionLabel(Option option)
    {
        var names = string.Join(", ", option.Aliases.Append(option.Name).OrderBy(n => n.Length).ThenBy(n => n, StringComparer.Ordinal));
        if (option.Arity.MaximumNumberOfValues == 0 || option.ValueType == typeof(bool))
        {
            return names;
        }

        var values = option.HelpName ?? string.Join('|', option.GetCompletions(CompletionContext.Empty).Select(c => c.Label).Order(StringComparer.Ordinal));
        return names + " <" + (values.Length > 0 ? values : option.Name.TrimStart('-').ToUpperInvariant()) + ">";
    }

    private static string DefaultText(Option option, bool ja)
    {
        if (!option.HasDefaultValue || option.Arity.MaximumNumberOfValues == 0 || option.ValueType == typeof(bool) || option.GetDefaultValue() is not { } value || value is Array)
        {
            return "";
        }

        var text = Convert.ToString(value, CultureInfo.InvariantCulture);
        return string.IsNullOrEmpty(text) ? "" : (ja ? $" [既定: {text}]" : $" [default: {text}]");
    }

    private static string Usage(Command command)
    {
        var names = Ancestors(command).Reverse().Select(c => c.Name).Append(command.Name);
        var parts = new List<string> { string.Join(' ', names) };
        parts.AddRange(command.Arguments.Where(a => !a.Hidden).Select(a => "<" + a.Name + ">"));
        if (command.Subcommands.Count > 0)
        {
            parts.Add("[command]");
        }

        parts.Add("[options]");
        return string.Join(' ', parts);
    }

    private static IEnumerable<Command> Ancestors(Command command)
    {
        for (var parent = command.Parents.OfType<Command>().FirstOrDefault(); parent is not null; parent = parent.Parents.OfType<Command>().FirstOrDefault())
        {
            yield return parent;
        }
    }

    private static void Section(TextWriter output, string heading, IReadOnlyList<string> paragraphs, int width)
    {
        output.WriteLine(heading);
        foreach (var line in paragraphs.SelectMany(p => LineBreaker.WrapText(p, width - Indent)))
        {
            output.WriteLine(new string(' ', Indent) + line);
        }

        output.WriteLine();
    }

    /// <summary>Names on the left, texts wrapped on the right; a name wider than its column stands on its own line.</summary>
    private static void Columns(TextWriter output, string heading, IReadOnlyList<(string Name, string Text)> rows, int width)
    {
        if (rows.Count == 0)
        {
            return;
        }

        output.WriteLine(heading);
        var nameWidth = Math.Min(rows.Max(r => LineBreaker.DisplayWidth(r.Name)), Math.Max(12, (width / 2) - Indent - Gap));
        var textColumn = Indent + nameWidth + Gap;
        var textWidth = Math.Max(20, width - textColumn);
        foreach (var (name, text) in rows)
        {
            var lines = string.IsNullOrEmpty(text) ? [] : LineBreaker.WrapText(text, textWidth);
            var nameShown = LineBreaker.DisplayWidth(name);
            if (nameShown > nameWidth || lines.Count == 0)
            {
                output.WriteLine(new string(' ', Indent) + name);
            }
            else
            {
                output.WriteLine(new string(' ', Indent) + name + new string(' ', nameWidth - nameShown + Gap) + lines[0]);
                lines = lines.Skip(1).ToList();
            }

            foreach (var line in lines)
            {
                output.WriteLine(new string(' ', textColumn) + line);
            }
        }

        output.WriteLine();
    }
}
