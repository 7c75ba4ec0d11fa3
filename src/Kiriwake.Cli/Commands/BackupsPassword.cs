using System.Text;
using Kiriwake.Core.Knowledge;
using Kiriwake.Evidence;
using Kiriwake.Evidence.Backup;
using Kiriwake.Evidence.Crypto;
using Kiriwake.Evidence.Plist;
using Spectre.Console;

namespace Kiriwake.Cli.Commands;

/// <summary>
/// Reading a backup password (a hidden prompt on a terminal, else one line of standard input: never an
/// argument, which would land in shell history and process lists) and checking it with a progress bar.
/// </summary>
internal static class BackupsPassword
{
    /// <summary>The outcome of opening an encrypted backup's keybag with a password.</summary>
    public sealed record Outcome(int ExitCode, BackupKeys? Keys, bool Encrypted, TimeSpan Elapsed);

    /// <summary>Reads the password; null when none was given.</summary>
    public static byte[]? Read(CliContext context, Language language)
    {
        string? password;
        if (ReferenceEquals(context.Input, Console.In) && !Console.IsInputRedirected && context.Error.Profile.Capabilities.Interactive)
        {
            password = context.Error.Prompt(new TextPrompt<string>(BackupsText.PasswordPrompt.Get(language)).Secret().AllowEmpty());
        }
        else
        {
            context.Error.MarkupLine($"[dim]{Safe.Markup(BackupsText.PasswordFromStdin.Get(language))}[/]");
            password = context.Input.ReadLine();
        }

        return string.IsNullOrEmpty(password) ? null : Encoding.UTF8.GetBytes(password);
    }

    /// <summary>Reads Manifest.plist, asks for the password and checks it through <see cref="BackupUnlocker"/>;
    /// messages go to stderr and the unlock result becomes the command's exit code here.</summary>
    public static async Task<Outcome> OpenAsync(CliContext context, string folder, Language language, CancellationToken cancellationToken)
    {
        var (locked, ended) = BackupUnlocker.Prepare(folder);
        var result = ended;
        if (locked is not null)
        {
            var password = Read(context, language);
            result = password is null
                ? new UnlockResult(UnlockStatus.NoPassword, null, true, TimeSpan.Zero, null)
                : await CheckWithProgressAsync(context, locked, password, language, cancellationToken);
        }

        switch (result!.Status)
        {
            case UnlockStatus.NotABackup or UnlockStatus.Unreadable or UnlockStatus.PermissionDenied:
                Fail(context, BackupsText.ManifestUnreadable, language, result.Detail ?? "");
                break;
            case UnlockStatus.KeybagDamaged:
                Fail(context, BackupsText.KeybagDamaged, language, result.Detail ?? "");
                break;
            case UnlockStatus.NoPassword:
                Fail(context, BackupsText.NoPassword, language);
                break;
            default:
                break;
        }

        return new Outcome(ExitCode(result.Status), result.Keys, result.Encrypted, result.Elapsed);
    }

    /// <summary>The command's exit code for an unlock result.</summary>
    public static int ExitCode(UnlockStatus status) => status switch
    {
        UnlockStatus.Unlocked => ExitCodes.Success,
        UnlockStatus.WrongPassword => ExitCodes.WrongPassword,
        UnlockStatus.NotEncrypted => ExitCodes.NotEncrypted,
        UnlockStatus.NoPassword => ExitCodes.PasswordNeeded,
        UnlockStatus.NotABackup => ExitCodes.NotABackup,
        UnlockStatus.PermissionDenied => ExitCodes.PermissionDenied,
        _ => ExitCodes.BackupUnreadable,
    };

    private static async Task<UnlockResult> CheckWithProgressAsync(CliContext context, LockedBackup locked, byte[] password, Language language, CancellationToken cancellationToken)
    {
        if (!context.Error.Profile.Capabilities.Interactive)
        {
            context.Error.MarkupLine($"[dim]{Safe.Markup(BackupsText.DerivingKey.Get(language))}[/]");
            return await BackupUnlocker.UnlockAsync(locked, password, null, cancellationToken);
        }

        UnlockResult? result = null;
        await context.Error.Progress().AutoClear(true).StartAsync(async progress =>
        {
            var task = progress.AddTask(Safe.Markup(BackupsText.DerivingKey.Get(language)), maxValue: 1);
            result = await BackupUnlocker.UnlockAsync(locked, password, new Progress<PasswordCheckProgress>(p => task.Value = p.Fraction), cancellationToken);
            task.Value = 1;
        });
        return result!;
    }

    private static void Fail(CliContext context, LocalizedText text, Language language, params string[] args) =>
        context.Error.MarkupLine($"[red]{Safe.Markup(string.Format(System.Globalization.CultureInfo.InvariantCulture, text.Get(language), args))}[/]");
}
