namespace Kiriwake.Core.Knowledge;

/// <summary>Where an instruction is carried out. YAML names: ios, windows-itunes, windows-apple-devices, macos-finder, any.</summary>
public enum Platform
{
    Any,
    Ios,
    WindowsItunes,
    WindowsAppleDevices,
    MacosFinder,
}
