namespace Kiriwake.Evidence.Gathering;

/// <summary>The free space of the volume a folder is on (null when it cannot be told).</summary>
public static class FreeSpace
{
    public static long? Of(string folder)
    {
        try
        {
            var full = Path.GetFullPath(folder);
            var drive = new DriveInfo(OperatingSystem.IsWindows() ? Path.GetPathRoot(full)! : full);
            return drive.AvailableFreeSpace;
        }
        catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
