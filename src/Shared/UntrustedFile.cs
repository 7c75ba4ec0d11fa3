using System.Text;

namespace Kiriwake.Files;

/// <summary>
/// Opening a file named by untrusted input (a backup, a knowledge folder, a command-line argument) without being
/// trapped by it: only regular files are opened (no folder, FIFO, device or socket, which would block forever or
/// never end), symbolic links are resolved first (a loop is an error), and every read has a size cap and can be
/// cancelled. Failures are <see cref="IOException"/>s whose message names the file and says what is wrong in
/// Japanese and English. Compiled into each project that reads files (src/Shared), so it has no dependency.
/// </summary>
internal static class UntrustedFile
{
    /// <summary>Opens <paramref name="path"/> for reading, shared, after checking it is a regular file.</summary>
    /// <param name="followLinks">False inside a backup, where a real file is never a link.</param>
    /// <exception cref="FileNotFoundException">It does not exist (or a link points nowhere).</exception>
    /// <exception cref="IOException">It is a folder, a special file, a link loop, or (with followLinks false) a link.</exception>
    /// <exception cref="UnauthorizedAccessException">Permission denied.</exception>
    public static FileStream OpenRegular(string path, bool followLinks = true)
    {
        CheckRegular(path, followLinks);
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
        try
        {
            // The path may have been swapped between the check and the open: a pipe or a terminal cannot seek.
            if (!stream.CanSeek)
            {
                throw NotRegular(path);
            }

            return stream;
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Checks that <paramref name="path"/> names a regular file (following links unless told not to).</summary>
    /// <exception cref="FileNotFoundException">It does not exist.</exception>
    /// <exception cref="IOException">It is not a regular file.</exception>
    public static void CheckRegular(string path, bool followLinks = true)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            if (Directory.Exists(path))
            {
                throw new IOException($"{path}: フォルダーです。ファイルを指定してください / is a folder, not a file");
            }

            if (info.LinkTarget is not null)
            {
                throw new FileNotFoundException($"{path}: リンク先のファイルがありません / is a link to a file that does not exist", path);
            }

            throw new FileNotFoundException($"{path}: ファイルが見つかりません / file not found", path);
        }

        FileSystemInfo target = info;
        if (info.LinkTarget is not null)
        {
            if (!followLinks)
            {
                throw new IOException($"{path}: シンボリックリンクのため読みませんでした / is a symbolic link and was not followed");
            }

            try
            {
                target = info.ResolveLinkTarget(returnFinalTarget: true) ?? info;
            }
            catch (IOException ex)
            {
                throw new IOException($"{path}: リンクが循環しています / is a symbolic link loop ({ex.Message})", ex);
            }

            if (target is DirectoryInfo || Directory.Exists(target.FullName))
            {
                throw new IOException($"{path}: フォルダーへのリンクです。ファイルを指定してください / is a link to a folder, not a file");
            }

            if (!target.Exists)
            {
                throw new FileNotFoundException($"{path}: リンク先のファイルがありません / is a link to a file that does not exist", path);
            }
        }

        // Pipes, devices and sockets: asked of the kernel (statx on Linux) before anything opens them.
        if (UnixFileType.Of(target.FullName) is UnixFileKind.Special)
        {
            throw NotRegular(path);
        }
    }

    /// <summary>Reads the whole file, refusing more than <paramref name="maxBytes"/>.</summary>
    /// <exception cref="IOException">Not a regular file, or larger than the cap.</exception>
    public static byte[] ReadAllBytes(string path, long maxBytes, CancellationToken cancellationToken = default, bool followLinks = true)
    {
        using var stream = OpenRegular(path, followLinks);
        return ReadCapped(stream, path, maxBytes, cancellationToken);
    }

    /// <summary>Reads the whole file as text (BOM, else UTF-16 without BOM detected, else UTF-8), at most <paramref name="maxBytes"/>.</summary>
    /// <exception cref="IOException">Not a regular file, or larger than the cap.</exception>
    public static string ReadAllText(string path, long maxBytes, CancellationToken cancellationToken = default)
    {
        var bytes = ReadAllBytes(path, maxBytes, cancellationToken);
        return TextEncodings.Decode(bytes);
    }

    /// <summary>Reads a stream to its end, refusing more than <paramref name="maxBytes"/>; the check runs per chunk.</summary>
    public static byte[] ReadCapped(Stream stream, string name, long maxBytes, CancellationToken cancellationToken)
    {
        if (stream.CanSeek && stream.Length > maxBytes)
        {
            throw TooLarge(name, maxBytes);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (buffer.Length + n > maxBytes)
            {
                throw TooLarge(name, maxBytes);
            }

            buffer.Write(chunk, 0, n);
        }

        return buffer.ToArray();
    }

    public static IOException TooLarge(string name, long maxBytes) =>
        new($"{name}: ファイルが大きすぎます(上限 {maxBytes / (1024 * 1024)} MB)/ is larger than the {maxBytes / (1024 * 1024)} MB this kind of file can be");

    private static IOException NotRegular(string path) =>
        new($"{path}: 通常のファイルではありません(パイプやデバイス)/ is not a regular file (a pipe, device or socket)");
}
