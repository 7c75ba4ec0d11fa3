namespace Kiriwake.Cli;

/// <summary>Every exit code the command returns, by name. Scripts rely on these numbers: never reuse one.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The command ran and its answer is "no" (lint found problems, a backup is not complete...).</summary>
    public const int Failure = 1;

    /// <summary>The command line was wrong.</summary>
    public const int Usage = 2;

    /// <summary>The knowledge folder has problems; each is printed with file, line and id.</summary>
    public const int KnowledgeInvalid = 3;

    /// <summary>The code, model, checklist, flow, symptom or file asked for does not exist.</summary>
    public const int NotFound = 4;

    /// <summary>A scripted session needs an answer its answers file does not give.</summary>
    public const int NeedsAnswer = 5;

    /// <summary>Input was malformed (a plist, a database, a session file) and was not used.</summary>
    public const int BadInput = 6;

    /// <summary>The operation was cancelled (Ctrl+C).</summary>
    public const int Cancelled = 130;
}
