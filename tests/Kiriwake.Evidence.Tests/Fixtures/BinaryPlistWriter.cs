using System.Buffers.Binary;
using System.Text;
using Kiriwake.Evidence.Plist;

namespace Kiriwake.Evidence.Tests.Fixtures;

/// <summary>
/// Writes bplist00 files for fixtures, as Apple's writer lays them out (objects, offset table, 32-byte trailer).
/// The product never writes plists; this exists so tests and benchmarks can build realistic backups.
/// </summary>
public static class BinaryPlistWriter
{
    public static byte[] Write(PlistValue root)
    {
        var objects = new List<PlistValue>();
        Flatten(root, objects);
        int refSize = objects.Count <= byte.MaxValue ? 1 : objects.Count <= ushort.MaxValue ? 2 : 4;
        var body = new MemoryStream();
        body.Write("bplist00"u8);
        var offsets = new long[objects.Count];
        var indexOf = new Dictionary<PlistValue, int>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < objects.Count; i++)
        {
            indexOf[objects[i]] = i;
        }

        for (int i = 0; i < objects.Count; i++)
        {
            offsets[i] = body.Position;
            WriteObject(body, objects[i], o => indexOf[o], refSize);
        }

        long tableOffset = body.Position;
        int offsetSize = tableOffset <= byte.MaxValue ? 1 : tableOffset <= ushort.MaxValue ? 2 : 4;
        foreach (long offset in offsets)
        {
            WriteSized(body, (ulong)offset, offsetSize);
        }

        Span<byte> trailer = stackalloc byte[32];
        trailer[6] = (byte)offsetSize;
        trailer[7] = (byte)refSize;
        BinaryPrimitives.WriteUInt64BigEndian(trailer[8..], (ulong)objects.Count);
        BinaryPrimitives.WriteUInt64BigEndian(trailer[16..], 0);
        BinaryPrimitives.WriteUInt64BigEndian(trailer[24..], (ulong)tableOffset);
        body.Write(trailer);
        return body.ToArray();
    }

    /// <summary>Breadth-free pre-order numbering: the root is object 0, children follow their parent.</summary>
    private static void Flatten(PlistValue value, List<PlistValue> objects)
    {
        objects.Add(value);
        switch (value)
        {
            case PlistArray array:
                foreach (var item in array.Items)
                {
                    Flatten(item, objects);
                }

                break;
            case PlistDict dict:
                foreach (var key in dict.Entries.Keys)
                {
                    Flatten(new PlistString(key), objects);
                }

                foreach (var item in dict.Entries.Values)
                {
                    Flatten(item, objects);
                }

                break;
        }
    }

    private static void WriteObject(MemoryStream s, PlistValue value, Func<PlistValue, int> indexOf, int refSize)
    {
        switch (value)
        {
            case PlistBool b:
                s.WriteByte(b.Value ? (byte)0x09 : (byte)0x08);
                break;
            case PlistInteger n:
                WriteInteger(s, n.Value);
                break;
            case PlistReal r:
                s.WriteByte(0x23);
                WriteSized(s, BitConverter.DoubleToUInt64Bits(r.Value), 8);
                break;
            case PlistDate d:
                s.WriteByte(0x33);
                WriteSized(s, BitConverter.DoubleToUInt64Bits((d.Value - new DateTimeOffset(2001, 1, 1, 0, 0, 0, TimeSpan.Zero)).TotalSeconds), 8);
                break;
            case PlistData data:
                WriteHeader(s, 0x4, data.Value.Length);
                s.Write(data.Value.Span);
                break;
            case PlistString str when str.Value.All(c => c < 0x80):
                WriteHeader(s, 0x5, str.Value.Length);
                s.Write(Encoding.ASCII.GetBytes(str.Value));
                break;
            case PlistString str:
                WriteHeader(s, 0x6, str.Value.Length);
                s.Write(Encoding.BigEndianUnicode.GetBytes(str.Value));
                break;
            case PlistUid uid:
                s.WriteByte(uid.Value <= byte.MaxValue ? (byte)0x80 : (byte)0x83);
                WriteSized(s, uid.Value, uid.Value <= byte.MaxValue ? 1 : 4);
                break;
            case PlistArray array:
                WriteHeader(s, 0xA, array.Items.Count);
                foreach (var item in array.Items)
                {
                    WriteSized(s, (ulong)indexOf(item), refSize);
                }

                break;
            case PlistDict dict:
                // Keys were flattened as fresh string objects right after the dict, in order.
                int first = indexOf(dict) + 1;
                WriteHeader(s, 0xD, dict.Entries.Count);
                for (int i = 0; i < dict.Entries.Count; i++)
                {
                    WriteSized(s, (ulong)(first + i), refSize);
                }

                foreach (var item in dict.Entries.Values)
                {
                    WriteSized(s, (ulong)indexOf(item), refSize);
                }

                break;
            default:
                throw new ArgumentException($"cannot write {value.GetType().Name}");
        }
    }

    private static void WriteHeader(MemoryStream s, int type, int count)
    {
        if (count < 15)
        {
            s.WriteByte((byte)((type << 4) | count));
            return;
        }

        s.WriteByte((byte)((type << 4) | 0xF));
        WriteInteger(s, count);
    }

    private static void WriteInteger(MemoryStream s, long value)
    {
        if (value is >= 0 and <= byte.MaxValue)
        {
            s.WriteByte(0x10);
            s.WriteByte((byte)value);
        }
        else if (value is >= 0 and <= ushort.MaxValue)
        {
            s.WriteByte(0x11);
            WriteSized(s, (ulong)value, 2);
        }
        else if (value is >= 0 and <= uint.MaxValue)
        {
            s.WriteByte(0x12);
            WriteSized(s, (ulong)value, 4);
        }
        else
        {
            s.WriteByte(0x13);
            WriteSized(s, (ulong)value, 8);
        }
    }

    private static void WriteSized(MemoryStream s, ulong value, int size)
    {
        for (int shift = (size - 1) * 8; shift >= 0; shift -= 8)
        {
            s.WriteByte((byte)(value >> shift));
        }
    }
}
