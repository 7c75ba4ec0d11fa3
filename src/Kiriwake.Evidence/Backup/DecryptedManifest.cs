using System.Runtime.InteropServices;

namespace Kiriwake.Evidence.Backup;

/// <summary>
/// A decrypted Manifest.db held in native memory for SQLite to read (sqlite3_deserialize), so the plain-text file
/// list of an encrypted backup never touches the disk: no temporary file can be left behind by Ctrl+C, SIGTERM or
/// SIGKILL. The memory is wiped before it is freed.
/// </summary>
internal sealed class DecryptedManifest : IDisposable
{
    private IntPtr _pointer;

    public DecryptedManifest(long capacity)
    {
        Capacity = capacity;
        _pointer = Marshal.AllocHGlobal(new IntPtr(Math.Max(capacity, 1)));
    }

    public IntPtr Pointer => _pointer;

    public long Capacity { get; }

    /// <summary>Bytes written so far (the database's length once decryption is done).</summary>
    public long Length { get; private set; }

    /// <summary>Appends decrypted bytes.</summary>
    public void Append(ReadOnlySpan<byte> bytes)
    {
        ObjectDisposedException.ThrowIf(_pointer == IntPtr.Zero, this);
        if (Length + bytes.Length > Capacity)
        {
            throw new InvalidOperationException("More plaintext than ciphertext.");
        }

        var chunk = bytes.ToArray();
        Marshal.Copy(chunk, 0, _pointer + (nint)Length, chunk.Length);
        Array.Clear(chunk);
        Length += bytes.Length;
    }

    /// <summary>The first bytes, for the SQLite header check.</summary>
    public byte[] Head(int count)
    {
        var head = new byte[(int)Math.Min(count, Length)];
        Marshal.Copy(_pointer, head, 0, head.Length);
        return head;
    }

    public void Dispose()
    {
        if (_pointer == IntPtr.Zero)
        {
            return;
        }

        var zeros = new byte[Math.Min(Capacity, 1 << 20)];
        for (long offset = 0; offset < Capacity; offset += zeros.Length)
        {
            Marshal.Copy(zeros, 0, _pointer + (nint)offset, (int)Math.Min(zeros.Length, Capacity - offset));
        }

        Marshal.FreeHGlobal(_pointer);
        _pointer = IntPtr.Zero;
    }

    /// <summary>A write-only stream over the buffer, for the streaming decryptor.</summary>
    public Stream AsStream() => new Writer(this);

    private sealed class Writer(DecryptedManifest target) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => target.Length;

        public override long Position
        {
            get => target.Length;
            set => throw new NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count) => target.Append(buffer.AsSpan(offset, count));

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
