using System.Text.RegularExpressions;
using Kiriwake.Cli.Commands;
using Kiriwake.Core.Text;
using Kiriwake.Knowledge;
using Spectre.Console;

namespace Kiriwake.Cli;

/// <summary>
/// The one place where a failure that reached the top of the command becomes words and an exit code: every
/// file error (missing, permission denied, a folder or a pipe where a file was expected, a link loop, a full or
/// read-only disk) gets a clear message in both languages and a named code, never a stack trace.
/// </summary>
internal static class CliErrors
{
    /// <summary>Longer details are cut: an error quoting a 100 MB answer must not print it.</summary>
    public const int MaxDetailChars = 400;

    public static int Report(CliContext context, Exception exception)
    {
        var ex = Unwrap(exception);
        var (code, heading) = ex switch
        {
            OperationCanceledException => (ExitCodes.Cancelled, "中止しました / Cancelled"),
            KnowledgeLoadException => (ExitCodes.KnowledgeInvalid, null),
            SessionInUseException => (ExitCodes.SessionInUse, "このセッションは別の kiriwake で開かれています / This session is open in another kiriwake"),
            FileNotFoundException or DirectoryNotFoundException => (ExitCodes.NotFound, "見つかりません / Not found"),
            UnauthorizedAccessException => (ExitCodes.PermissionDenied, "アクセスが許可されていません / Permission denied"),
            PathTooLongException => (ExitCodes.FileError, "パスが長すぎます / The path is too long"),
            IOException => (ExitCodes.FileError, "ファイルを読み書きできませんでした / A file could not be read or written"),
            InvalidDataException or InsufficientExecutionStackException or RegexMatchTimeoutException or FormatException
                or Kiriwake.Core.Diagnosis.SessionException or Kiriwake.Core.Diagnosis.TroubleshootingModelException
                => (ExitCodes.BadInput, "入力を使えませんでした / The input could not be used"),
            _ => (-1, null),
        };
        if (code < 0)
        {
            return -1;
        }

        var detail = ex is KnowledgeLoadException ? UntrustedText.Block(ex.Message) : UntrustedText.Shorten(ex.Message, MaxDetailChars);
        var color = code == ExitCodes.Cancelled ? "yellow" : "red";
        context.Error.MarkupLine(heading is null || ex is OperationCanceledException
            ? $"[{color}]{Markup.Escape(heading ?? detail)}[/]"
            : $"[{color}]{Markup.Escape(heading)}: {Markup.Escape(detail)}[/]");
        return code;
    }

    /// <summary>A parallel loop or a task wraps what failed; the person needs the first real cause.</summary>
    public static Exception Unwrap(Exception exception)
    {
        var ex = exception;
        while (ex is AggregateException { InnerExceptions.Count: > 0 } aggregate)
        {
            ex = aggregate.InnerExceptions[0];
        }

        return ex;
    }
}
