using Kiriwake.Core.Actions;
using Kiriwake.Core.Knowledge;
using Spectre.Console;

namespace Kiriwake.Cli.Commands;

/// <summary>
/// In `diagnose`, when the step shown is one the tool can do on the connected device (make a verified backup,
/// enter recovery mode), offers to do it: asks the person, runs it with progress, shows the outcome and returns
/// the result whose facts the session records as evidence. The backup gate opens only through those facts.
/// </summary>
internal sealed class DeviceStepOffer
{
    private readonly CliContext _context;
    private readonly IDeviceActions _actions;
    private readonly Language _language;

    public DeviceStepOffer(CliContext context, IDeviceActions actions, Language language)
    {
        _context = context;
        _actions = actions;
        _language = language;
    }

    /// <returns>The action's result, or null when the step has no device action, no device is ready, or the person declined.</returns>
    public async Task<DeviceActionResult?> OfferAsync(string stepId, CancellationToken cancellationToken)
    {
        if (_actions.ForStep(stepId) is not { } action)
        {
            return null;
        }

        var consent = await _actions.PrepareAsync(action, cancellationToken);
        if (!consent.CanRun)
        {
            return null;
        }

        _context.Error.WriteLine();
        WrappedMarkup.WriteLine(_context.Error, $"[bold]{T(consent.Question)}[/]");
        if (!AskYes())
        {
            _context.Error.MarkupLine(T(DeviceActionUiText.Declined));
            return null;
        }

        byte[]? password = null;
        try
        {
            if (consent.NeedsPassword)
            {
                _context.Error.MarkupLine(T(DeviceActionUiText.ExistingPassword));
                password = BackupsPassword.Read(_context, _language);
            }

            var request = new DeviceActionRequest(action, Password: password);
            var result = await DeviceActionProgressView.RunAsync(_context, _language,
                progress => _actions.RunAsync(request, progress, cancellationToken), r => r.Summary);
            WrappedMarkup.WriteLine(_context.Error, $"[bold {(result.Succeeded ? "green" : "red")}]{T(result.Summary)}[/]");
            ListView.Write(_context.Error, result.NextSteps.Select(step => ("•", T(step))));

            return result;
        }
        finally
        {
            if (password is not null)
            {
                System.Security.Cryptography.CryptographicOperations.ZeroMemory(password);
            }
        }
    }

    private bool AskYes()
    {
        while (true)
        {
            _context.Error.Markup(T(DeviceActionUiText.ConfirmPrompt));
            var line = _context.Input.ReadLine();
            if (line is null)
            {
                return false;
            }

            if (ParseYesNo(line) is { } yes)
            {
                return yes;
            }
        }
    }

    /// <summary>yes/no as people type it: y, yes, はい, 1 (also full width); n, no, いいえ, 2. Null for anything else.</summary>
    internal static bool? ParseYesNo(string line) => line.Trim().Normalize(System.Text.NormalizationForm.FormKC).ToUpperInvariant() switch
    {
        "Y" or "YES" or "はい" or "ハイ" or "1" => true,
        "N" or "NO" or "いいえ" or "イイエ" or "2" => false,
        _ => null,
    };

    private string T(LocalizedText text) => Markup.Escape(text.Get(_language));
}
