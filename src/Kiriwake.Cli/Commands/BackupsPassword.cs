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

    /// <summary>Reads Manifest.plist, asks for the password and checks it. Messages go to stderr.</summary>
    public static async Task<Outcome> OpenAsync(CliContext context, string folder, Language language, CancellationToken cancellationToken)
    {
        ManifestProperties manifest;
        try
        {
            manifest = ManifestProperties.From(PlistReader.ReadFile(Path.Combine(folder, BackupFolder.ManifestPlist)) as PlistDict
                ?? throw new PlistFormatException("The top-level value is not a dictionary."));
        }
        catch (Exception e) when (e is PlistFormatException or IOException)
        {
            Fail(context, BackupsText.ManifestUnreadable, language, e.Message);
            return new Outcome(e is FileNotFoundException ? ExitCodes.NotABackup : ExitCodes.BackupUnreadable, null, false, TimeSpan.Zero);
        }
        catch (UnauthorizedAccessException e)
        {
            Fail(context, BackupsText.ManifestUnreadable, language, e.Message);
            return new Outcome(ExitCodes.PermissionDenied, null, false, TimeSpan.Zero);
        }

        if (!manifest.IsEncrypted)
        {
            return new Outcome(ExitCodes.NotEncrypted, null, false, TimeSpan.Zero);
        }

        Keybag keybag;
        try
        {
            var bag = manifest.BackupKeyBag ?? throw new KeybagFormatException("no BackupKeyBag in Manifest.plist");
            keybag = Keybag.Parse(bag.Span);
        }
        catch (KeybagFormatException e)
        {
            Fail(context, BackupsText.KeybagDamaged, language, e.Message);
            return new Outcome(ExitCodes.BackupUnreadable, null, true, TimeSpan.Zero);
        }

        byte[]? password = Read(context, language);
        if (password is null)
        {
            Fail(context, BackupsText.NoPassword, language);
            return new Outcome(ExitCodes.PasswordNeeded, null, true, TimeSpan.Zero);
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var keys = await CheckWithProgressAsync(context, keybag, password, language, cancellationToken);
        System.Security.Cryptography.CryptographicOperations.ZeroMemory(password);

        // Second proof (§6.2 step 4): the Manifest.db key must unwrap with the unlocked class keys too.
        if (keys is not null && manifest.ManifestKey is { } manifestKey && TryUnwrap(keys, manifestKey.Span) is null)
        {
            keys = null;
        }

        return new Outcome(keys is null ? ExitCodes.WrongPassword : ExitCodes.Success, keys, true, clock.Elapsed);
    }

    private static byte[]? TryUnwrap(BackupKeys keys, ReadOnlySpan<byte> entry)
    {
        try
        {
            return keys.UnwrapEntry(entry);
        }
        catch (EvidenceFormatException)
        {
            return null;
        }
    }

    private static async Task<BackupKeys?> CheckWithProgressAsync(CliContext context, Keybag keybag, byte[] password, Language language, CancellationToken cancellationToken)
    {
        if (!context.Error.Profile.Capabilities.Interactive)
        {
            context.Error.MarkupLine($"[dim]{Safe.Markup(BackupsText.DerivingKey.Get(language))}[/]");
            return await PasswordChecker.CheckAsync(keybag, password, null, cancellationToken);
        }

        BackupKeys? keys = null;
        await context.Error.Progress().AutoClear(true).StartAsync(async progress =>
        {
            var task = progress.AddTask(Safe.Markup(BackupsText.DerivingKey.Get(language)), maxValue: 1);
            keys = await PasswordChecker.CheckAsync(keybag, password, new Progress<PasswordCheckProgress>(p => task.Value = p.Fraction), cancellationToken);
            task.Value = 1;
        });
        return keys;
    }

    private static void Fail(CliContext context, LocalizedText text, Language language, params string[] args) =>
        context.Error.MarkupLine($"[red]{Safe.Markup(string.Format(System.Globalization.CultureInfo.InvariantCulture, text.Get(language), args))}[/]");
}
