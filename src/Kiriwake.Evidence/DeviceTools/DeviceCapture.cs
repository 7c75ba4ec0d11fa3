namespace Kiriwake.Evidence.DeviceTools;

/// <summary>
/// Everything one look at the device captured, tool by tool. A run that was not needed is null (for example
/// the domains after lockdownd refused the root query). <see cref="DeviceFactsBuilder"/> turns it into facts
/// without running anything, so the same capture always gives the same facts.
/// </summary>
public sealed record DeviceCapture(
    ToolOutput DeviceList,
    ToolOutput? Info,
    ToolOutput? InfoSimple,
    ToolOutput? DiskUsage,
    ToolOutput? Battery,
    ToolOutput? Backup,
    ToolOutput? Supervision,
    ToolOutput? BatteryHealth,
    ToolOutput? Recovery);
