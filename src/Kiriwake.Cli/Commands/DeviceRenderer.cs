using System.Globalization;
using Kiriwake.Core.Knowledge;
using Kiriwake.Evidence.DeviceTools;
using Spectre.Console;

namespace Kiriwake.Cli.Commands;

/// <summary>The text form of `kiriwake device`. Everything the device reported is escaped before markup.</summary>
internal sealed class DeviceRenderer
{
    private readonly IAnsiConsole _console;
    private readonly Language _language;

    public DeviceRenderer(IAnsiConsole console, Language language)
    {
        _console = console;
        _language = language;
    }

    public void Render(DeviceFacts device, IReadOnlyList<Implication> implications)
    {
        _console.Write(new Rule($"[bold]{T(DeviceUiText.DeviceHeading)}[/]").LeftJustified());
        var stateColor = device.State == ConnectionState.Connected ? "green" : device.State is ConnectionState.Recovery or ConnectionState.Dfu ? "yellow" : "red";
        _console.MarkupLine($"{T(DeviceUiText.State)}: [{stateColor}]{T(ConnectionStateText.Title(device.State))}[/] [dim]({device.State.FactValue()})[/]");
        if (device.Evidence is { } evidence)
        {
            var line = evidence.Line is null ? string.Empty : " → " + evidence.Line;
            _console.MarkupLine($"[dim]{T(DeviceUiText.Evidence)}: {Safe.Markup(evidence.CommandLine + line)}[/]");
        }

        var fix = ConnectionStateText.Fix(device.State);
        if (fix.Count > 0)
        {
            _console.MarkupLine($"[bold]{T(DeviceUiText.WhatToDo)}[/]");
            foreach (var (step, i) in fix.Select((s, i) => (s, i + 1)))
            {
                _console.MarkupLine($"  {i}. {T(step)}");
            }
        }

        RenderFacts(device);
        if (implications.Count > 0)
        {
            _console.WriteLine();
            _console.MarkupLine($"[bold]{T(DeviceUiText.Implications)}[/]");
            foreach (var implication in implications)
            {
                _console.MarkupLine($"  • {T(implication.Text)}");
            }
        }

        _console.WriteLine();
        _console.MarkupLine($"[dim]{Safe.Markup(string.Format(CultureInfo.InvariantCulture, DeviceUiText.FactsUsed.Get(_language), device.Facts.Count))}[/]");
        if (device.Warnings.Count > 0)
        {
            _console.MarkupLine($"[dim]{Safe.Markup(string.Format(CultureInfo.InvariantCulture, DeviceUiText.Warnings.Get(_language), device.Warnings.Count))}[/]");
        }
    }

    private void RenderFacts(DeviceFacts device)
    {
        var table = new Table().HideHeaders().NoBorder().AddColumn(string.Empty).AddColumn(string.Empty);
        if (device.Model is { } model)
        {
            var name = model.Name is null ? model.ProductType : $"{model.Name} ({model.ProductType})";
            table.AddRow(T(DeviceUiText.Model), Safe.Markup(name));
            if (model.Family is { } family)
            {
                var confirm = model.NeedsConfirmation ? " " + T(DeviceUiText.ToConfirm) : string.Empty;
                table.AddRow(T(DeviceUiText.Buttons), T(EnumText.Family(family)) + confirm);
            }
        }

        if (device.Identity.ProductVersion is { } version)
        {
            var build = device.Identity.BuildVersion is { } b ? $" ({b})" : string.Empty;
            table.AddRow(T(DeviceUiText.Ios), Safe.Markup(version + build));
        }

        if (device.Recovery.Found)
        {
            table.AddRow(T(DeviceUiText.Mode), Safe.Markup(device.Recovery.ModeText ?? T(DeviceUiText.Unknown)));
        }

        if (device.Disk.FreeBytes is { } free)
        {
            var upper = device.Disk.TotalDataAvailable ?? free;
            var total = device.Disk.TotalDiskCapacity;
            var text = string.Format(CultureInfo.InvariantCulture, DeviceUiText.StorageValue.Get(_language), Gb(free), Gb(upper), total is null ? "?" : Gb(total.Value));
            table.AddRow(T(DeviceUiText.Storage), (device.StorageLow == true ? "[red]" : "[green]") + Safe.Markup(text) + "[/]");
        }

        if (device.Battery.Available)
        {
            var parts = new List<string>();
            if (device.Battery.Percent is { } percent)
            {
                parts.Add(percent.ToString(CultureInfo.InvariantCulture) + "%");
            }

            if (device.Battery.OnPower is { } onPower)
            {
                parts.Add((onPower ? DeviceUiText.OnPower : DeviceUiText.NotOnPower).Get(_language));
            }

            if (device.BatteryHealth.HealthPercent is { } health)
            {
                parts.Add(string.Format(CultureInfo.InvariantCulture, DeviceUiText.Health.Get(_language), health, device.BatteryHealth.CycleCount?.ToString(CultureInfo.InvariantCulture) ?? "?"));
            }

            table.AddRow(T(DeviceUiText.Battery), Safe.Markup(string.Join(", ", parts)));
        }

        if (device.Backup.WillEncrypt is { } encrypt)
        {
            table.AddRow(T(DeviceUiText.BackupEncryption), T(encrypt ? DeviceUiText.On : DeviceUiText.Off));
        }

        if (device.Managed == true)
        {
            table.AddRow(T(DeviceUiText.Managed), T(DeviceUiText.ManagedYes));
        }

        if (table.Rows.Count > 0)
        {
            _console.WriteLine();
            _console.Write(table);
        }
    }

    private string T(LocalizedText text) => Safe.Markup(text.Get(_language));

    private static string Gb(long bytes) => (bytes / 1e9).ToString("0.0", CultureInfo.InvariantCulture);
}
