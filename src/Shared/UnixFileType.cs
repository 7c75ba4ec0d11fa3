using System.Runtime.InteropServices;

namespace Kiriwake.Files;

internal enum UnixFileKind
{
    /// <summary>Not known here (not Linux, or the call is unavailable): callers rely on their other checks.</summary>
    Unknown,
    Regular,
    Directory,
    Link,

    /// <summary>A FIFO, character or block device, or socket: opening or reading it may block or never end.</summary>
    Special,
}

/// <summary>
/// The type of a file system entry as the kernel records it, which .NET does not expose (its attributes say
/// "Normal" for a FIFO and for /dev/zero alike). Linux only, through statx, whose result layout is the same on
/// every architecture; elsewhere <see cref="UnixFileKind.Unknown"/>.
/// </summary>
internal static class UnixFileType
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1;
    private const int ModeOffset = 28;
    private static bool s_unavailable;

    /// <summary>The kind of <paramref name="path"/>, following a final link unless <paramref name="followLinks"/> is false.</summary>
    public static UnixFileKind Of(string path, bool followLinks = true)
    {
        if (!OperatingSystem.IsLinux() || s_unavailable)
        {
            return UnixFileKind.Unknown;
        }

        var buffer = new byte[256];
        try
        {
            if (Statx(AtFdCwd, path, followLinks ? 0 : AtSymlinkNoFollow, StatxType, buffer) != 0)
            {
                return UnixFileKind.Unknown;
            }
        }
        catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
        {
            s_unavailable = true;
            return UnixFileKind.Unknown;
        }

        int mode = BitConverter.ToUInt16(buffer, ModeOffset) & 0xF000;
        return mode switch
        {
            0x8000 => UnixFileKind.Regular,
            0x4000 => UnixFileKind.Directory,
            0xA000 => UnixFileKind.Link,
            _ => UnixFileKind.Special,
        };
    }

#pragma warning disable SYSLIB1054, CA2101, CA5392 // A plain P/Invoke (no unsafe code in these projects); the path is marshalled as UTF-8.
    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, [Out] byte[] buffer);
#pragma warning restore SYSLIB1054, CA2101, CA5392
}
