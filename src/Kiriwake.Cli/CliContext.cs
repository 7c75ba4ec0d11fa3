using System.CommandLine;
using System.Globalization;
using Kiriwake.Core.Conversation;
using Kiriwake.Core.Knowledge;
using Kiriwake.Knowledge;
using Kiriwake.Knowledge.Overlay;
using Spectre.Console;

namespace Kiriwake.Cli;

/// <summary>
/// What one invocation of the command works with: its output streams (results on stdout, progress and prompts
/// on stderr), standard input, the clock, the language and the knowledge base chosen on the command line.
/// </summary>
internal sealed class CliContext
{
    private readonly Option<string?> _knowledgeOption;
    private readonly Option<string?> _languageOption;
    private readonly Option<string?> _learnedOption;
    private KnowledgeBase? _knowledge;
    private KnowledgeModels? _models;
    private string? _knowledgeDirectory;
    private KnowledgeBase? _learned;
    private string? _learnedDirectory;

    public CliContext(TextWriter output, TextWriter error, TextReader input, bool color, TimeProvider time)
    {
        // Everything shown passes through the terminal-safe writers: no escape sequence from a backup, a log or
        // an answer reaches the terminal (see TerminalSafeWriter).
        OutWriter = new TerminalSafeWriter(output, allowCsi: color);
        ErrorWriter = new TerminalSafeWriter(error, allowCsi: color);
        Input = input;
        Time = time;
        Out = ConsoleFactory.Create(OutWriter, color);
        Error = ConsoleFactory.Create(ErrorWriter, color);
        _knowledgeOption = CommonOptions.CreateKnowledgeDirectory();
        _languageOption = CommonOptions.CreateLanguage();
        _learnedOption = CommonOptions.CreateLearned();
    }

    public TextWriter OutWriter { get; }

    public TextWriter ErrorWriter { get; }

    public TextReader Input { get; }

    public IAnsiConsole Out { get; }

    public IAnsiConsole Error { get; }

    public TimeProvider Time { get; }

    /// <summary>Where interactive sessions are kept when no --save is given; null: they run unsaved. The program sets
    /// it from KIRIWAKE_SESSIONS or the user's state folder; tests pass their own temporary folder.</summary>
    public string? SessionsFolder { get; init; }

    /// <summary>Where `diagnose --device` puts a backup it makes (null: Kiriwake's own backups folder).</summary>
    public string? DeviceBackupFolder { get; init; }

    /// <summary>The computer platforms this machine implies (a Mac: Finder; Windows: iTunes or the Apple Devices
    /// app; elsewhere any of them), so that no Windows user reads Mac steps.</summary>
    public IReadOnlyList<Platform> PlatformCandidates { get; init; } =
        OperatingSystem.IsMacOS() ? [Platform.MacosFinder]
        : OperatingSystem.IsWindows() ? [Platform.WindowsItunes, Platform.WindowsAppleDevices]
        : ConversationOptions.AllComputerPlatforms;

    public Option<string?> KnowledgeOption => _knowledgeOption;

    public Option<string?> LanguageOption => _languageOption;

    public Option<string?> LearnedOption => _learnedOption;

    /// <summary>The language asked for with --lang, else KIRIWAKE_LANG, else the UI culture (Japanese for ja-*).</summary>
    public Language GetLanguage(ParseResult parseResult)
    {
        var chosen = parseResult.GetValue(_languageOption) ?? Environment.GetEnvironmentVariable("KIRIWAKE_LANG");
        return ParseLanguage(chosen) ?? DefaultLanguage();
    }

    public static Language DefaultLanguage() =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ja" ? Language.Ja : Language.En;

    public static Language? ParseLanguage(string? value) => value?.ToUpperInvariant() switch
    {
        "JA" => Language.Ja,
        "EN" => Language.En,
        _ => null,
    };

    /// <summary>The folder --kb names, else KIRIWAKE_KB, else the knowledge folder shipped beside the program.</summary>
    public string GetKnowledgeDirectory(ParseResult parseResult) =>
        parseResult.GetValue(_knowledgeOption)
        ?? Environment.GetEnvironmentVariable("KIRIWAKE_KB")
        ?? Path.Combine(AppContext.BaseDirectory, "knowledge");

    /// <summary>Loads and validates the knowledge base once per invocation, with the learned overlay of --learned
    /// (docs/learning.md) laid over it when one is given.</summary>
    /// <exception cref="KnowledgeLoadException">The folder or the overlay has problems; the exception lists all of them.</exception>
    public KnowledgeBase LoadKnowledge(ParseResult parseResult)
    {
        var kb = LoadBaseKnowledge(parseResult);
        if (parseResult.GetValue(_learnedOption) is not { } learned)
        {
            return kb;
        }

        if (_learned is null || _learnedDirectory != learned)
        {
            _learned = LearnedOverlayReader.Apply(kb, learned);
            _learnedDirectory = learned;
        }

        return _learned;
    }

    /// <summary>The knowledge base as its folder says, without any learned overlay (what learning starts from).</summary>
    public KnowledgeBase LoadBaseKnowledge(ParseResult parseResult)
    {
        var directory = GetKnowledgeDirectory(parseResult);
        if (_knowledge is null || _knowledgeDirectory != directory)
        {
            _knowledge = KnowledgeLoader.Load(directory);
            _knowledgeDirectory = directory;
        }

        return _knowledge;
    }

    /// <summary>The compiled models and shared engine policies of the knowledge base chosen on the command line.</summary>
    public KnowledgeModels LoadModels(ParseResult parseResult)
    {
        var kb = LoadKnowledge(parseResult);
        if (_models is null || !ReferenceEquals(_models.Knowledge, kb))
        {
            _models = new KnowledgeModels(kb);
        }

        return _models;
    }
}
