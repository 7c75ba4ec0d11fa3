using Kiriwake.Core.Knowledge;

namespace Kiriwake.Evidence.DeviceTools;

/// <summary>How to install the libimobiledevice tools, per operating system.</summary>
public static class ToolInstallHelp
{
    /// <summary>Debian/Ubuntu packages (checked on Debian 12: libimobiledevice-utils 1.3.0, irecovery 1.0.0, usbmuxd 1.1.1).</summary>
    public const string DebianCommand = "sudo apt-get install libimobiledevice-utils irecovery usbmuxd";

    /// <summary>Homebrew formulae: libimobiledevice has the idevice* tools, libirecovery has irecovery.</summary>
    public const string MacCommand = "brew install libimobiledevice libirecovery";

    public static LocalizedText Windows { get; } = new(
        "Windows: Apple Devices アプリ (または iTunes) を入れてドライバと Apple Mobile Device Service を用意し、Windows 版 libimobiledevice (例: `scoop install libimobiledevice`) を入れて PATH に通してください。",
        "Windows: install the Apple Devices app (or iTunes) for the driver and Apple Mobile Device Service, then a Windows build of libimobiledevice (for example `scoop install libimobiledevice`) on PATH.");

    public static LocalizedText MacOs { get; } = new("macOS の場合: `" + MacCommand + "`", "macOS: `" + MacCommand + "`");

    public static LocalizedText Debian { get; } = new("Debian / Ubuntu の場合: `" + DebianCommand + "`", "Debian / Ubuntu: `" + DebianCommand + "`");

    public static LocalizedText Afterwards { get; } = new(
        "インストール後、デバイスをつないで `kiriwake device` をもう一度実行してください。ツールがなくても、質問に答えれば診断は続けられます。",
        "After installing, connect the device and run `kiriwake device` again. Without the tools, diagnosis still works by answering questions.");

    /// <summary>All of it, the running system's line first.</summary>
    public static IReadOnlyList<LocalizedText> Steps
    {
        get
        {
            LocalizedText[] systems = OperatingSystem.IsWindows() ? [Windows, MacOs, Debian]
                : OperatingSystem.IsMacOS() ? [MacOs, Windows, Debian]
                : [Debian, MacOs, Windows];
            return [.. systems, Afterwards];
        }
    }
}
