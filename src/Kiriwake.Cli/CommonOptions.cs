using System.CommandLine;

namespace Kiriwake.Cli;

/// <summary>The options every command shares: --kb and --lang on the root (recursive), --format per command.</summary>
internal static class CommonOptions
{
    public static Option<string?> CreateKnowledgeDirectory() => new("--kb")
    {
        Description = "Knowledge folder to use instead of the built-in one / 使う知識フォルダー",
        HelpName = "DIR",
        Recursive = true,
    };

    /// <summary>A learned overlay folder (kiriwake kb learn) laid over the knowledge base: diagnose, kb eval and every
    /// command that reads probabilities use it.</summary>
    public static Option<string?> CreateLearned() => new("--learned")
    {
        Description = "Learned overlay folder (kiriwake kb learn) to use over the knowledge base / 学習結果のフォルダー",
        HelpName = "DIR",
        Recursive = true,
    };

    public static Option<string?> CreateLanguage()
    {
        var option = new Option<string?>("--lang")
        {
            Description = "Language of the output: ja or en (default: from the culture) / 表示言語: ja または en (既定: 環境の言語)",
            Recursive = true,
        };
        option.AcceptOnlyFromAmong("ja", "en");
        return option;
    }

    /// <summary>A --format option accepting the given formats; the first is the default.</summary>
    public static Option<string> CreateFormat(params string[] formats)
    {
        var option = new Option<string>("--format")
        {
            Description = "Output format: " + string.Join(", ", formats) + " / 出力の形式: " + string.Join("、", formats),
            DefaultValueFactory = _ => formats[0],
        };
        option.AcceptOnlyFromAmong(formats);
        return option;
    }
}
