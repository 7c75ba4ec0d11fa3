using System.Buffers.Binary;
using System.Text;
using static Kiriwake.Evidence.Plist.BinaryPlistLayout;

namespace Kiriwake.Evidence.Plist;

/// <summary>
/// Reads a binary plist. Untrusted input: the trailer's fields are validated against the file length before
/// anything is allocated, every slice is length-checked, every reference is checked against the object count,
/// decoded objects are memoised (a graph that shares objects costs its size, not its expansion), and a
/// reference back to an object still being decoded is a cycle.
/// </summary>
internal ref partial struct BinaryPlistReader
{
    /// <summary>Nesting limit: real plists are a few levels deep; this keeps recursion far from the stack limit.</summary>
    public const int MaxDepth = 128;

    private readonly ReadOnlySpan<byte> _data;
    private readonly int _offsetIntSize;
    private readonly int _objectRefSize;
    private readonly int _objectCount;
    private readonly int _offsetTableOffset;
    private readonly int _topObject;

    // Allocated on first full decode only: the lookup methods below read in place without them.
    private PlistValue?[]? _decoded;
    private bool[]? _onPath;

    private BinaryPlistReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        if (data.Length < HeaderLength + TrailerLength + 1)
        {
            throw new PlistFormatException($"A binary plist needs at least {HeaderLength + TrailerLength + 1} bytes; got {data.Length}.");
        }

        if (!data[..HeaderLength].SequenceEqual(Magic))
        {
            throw new PlistFormatException("Unsupported binary plist version (expected bplist00).");
        }

        var trailer = data[^TrailerLength..];
        _offsetIntSize = trailer[TrailerOffsetIntSize];
        _objectRefSize = trailer[TrailerObjectRefSize];
        ulong objectCount = BinaryPrimitives.ReadUInt64BigEndian(trailer.Slice(TrailerNumObjects, sizeof(ulong)));
        ulong topObject = BinaryPrimitives.ReadUInt64BigEndian(trailer.Slice(TrailerTopObject, sizeof(ulong)));
        ulong offsetTableOffset = BinaryPrimitives.ReadUInt64BigEndian(trailer.Slice(TrailerOffsetTableOffset, sizeof(ulong)));

        if (_offsetIntSize is < 1 or > MaxOffsetIntSize || _objectRefSize is < 1 or > MaxObjectRefSize)
        {
            throw new PlistFormatException($"Invalid trailer: offset size {_offsetIntSize}, reference size {_objectRefSize}.");
        }

        int trailerStart = data.Length - TrailerLength;

        // Each object takes at least one byte and one offset-table entry, so the file length bounds the count.
        ulong maxObjects = (ulong)(trailerStart - HeaderLength);
        if (objectCount == 0 || objectCount > maxObjects)
        {
            throw new PlistFormatException($"Invalid trailer: {objectCount} objects in {data.Length} bytes.");
        }

        _objectCount = checked((int)objectCount);
        if (offsetTableOffset < HeaderLength || offsetTableOffset >= (ulong)trailerStart)
        {
            throw new PlistFormatException("Invalid trailer: the offset table is outside the object area.");
        }

        _offsetTableOffset = checked((int)offsetTableOffset);
        long tableLength = (long)_objectCount * _offsetIntSize;
        if (tableLength > trailerStart - _offsetTableOffset)
        {
            throw new PlistFormatException("Invalid trailer: the offset table runs into the trailer.");
        }

        if (topObject >= objectCount)
        {
            throw new PlistFormatException("Invalid trailer: the top object is not in the offset table.");
        }

        _topObject = (int)topObject;
    }

    public static PlistValue Read(ReadOnlySpan<byte> data)
    {
        var reader = new BinaryPlistReader(data);
        return reader.ReadObject(reader._topObject, depth: 0);
    }

    private readonly int ObjectOffset(int index)
    {
        var entry = _data.Slice(_offsetTableOffset + (index * _offsetIntSize), _offsetIntSize);
        ulong offset = ReadUnsigned(entry);
        if (offset < HeaderLength || offset >= (ulong)_offsetTableOffset)
        {
            throw new PlistFormatException($"Object {index} has offset {offset}, outside the object area.");
        }

        return (int)offset;
    }

    private PlistValue ReadObject(int index, int depth)
    {
        _decoded ??= new PlistValue?[_objectCount];
        _onPath ??= new bool[_objectCount];
        if (_decoded[index] is { } done)
        {
            return done;
        }

        if (_onPath[index])
        {
            throw new PlistFormatException($"Object {index} contains itself.");
        }

        if (depth > MaxDepth)
        {
            throw new PlistFormatException($"Nesting deeper than {MaxDepth} levels.");
        }

        _onPath[index] = true;
        var value = Decode(ObjectOffset(index), depth);
        _onPath[index] = false;
        _decoded[index] = value;
        return value;
    }

    private PlistValue Decode(int offset, int depth)
    {
        byte marker = _data[offset];
        byte type = (byte)(marker >> MarkerTypeShift);
        int info = marker & MarkerInfoMask;
        int start = offset + 1;
        switch (type)
        {
            case TypeSingleton when marker == SingletonFalse:
                return new PlistBool(false);
            case TypeSingleton when marker == SingletonTrue:
                return new PlistBool(true);
            case TypeInteger:
                return new PlistInteger(ReadInteger(offset, out _));
            case TypeReal:
                return new PlistReal(ReadReal(start, info));
            case TypeDate when marker == DateMarker:
                return new PlistDate(ToDate(BinaryPrimitives.ReadDoubleBigEndian(Slice(start, DateLength))));
            case TypeData:
            {
                int count = ReadCount(info, ref start);
                return new PlistData(Slice(start, count).ToArray());
            }

            case TypeAsciiString:
            {
                int count = ReadCount(info, ref start);
                return new PlistString(Encoding.Latin1.GetString(Slice(start, count)));
            }

            case TypeUtf16String:
            {
                int count = ReadCount(info, ref start);
                return new PlistString(Encoding.BigEndianUnicode.GetString(Slice(start, count * 2L)));
            }

            case TypeUtf8String:
            {
                int count = ReadCount(info, ref start);
                return new PlistString(Encoding.UTF8.GetString(Slice(start, count)));
            }

            case TypeUid:
                return info < MaxUidLength ? new PlistUid(ReadUnsigned(Slice(start, info + 1))) : throw Bad(offset, "UID longer than 8 bytes");
            case TypeArray or TypeSet or TypeOrderedSet:
            {
                int count = ReadCount(info, ref start);
                var refs = Slice(start, (long)count * _objectRefSize);
                var items = new PlistValue[count];
                for (int i = 0; i < count; i++)
                {
                    items[i] = ReadObject(Reference(refs, i), depth + 1);
                }

                return new PlistArray(items);
            }

            case TypeDict:
            {
                int count = ReadCount(info, ref start);
                var refs = Slice(start, (long)count * 2 * _objectRefSize);
                var entries = new Dictionary<string, PlistValue>(count, StringComparer.Ordinal);
                for (int i = 0; i < count; i++)
                {
                    if (ReadObject(Reference(refs, i), depth + 1) is not PlistString key)
                    {
                        throw Bad(offset, "dictionary key is not a string");
                    }

                    if (!entries.TryAdd(key.Value, ReadObject(Reference(refs, count + i), depth + 1)))
                    {
                        throw Bad(offset, $"duplicate dictionary key '{key.Value}'");
                    }
                }

                return new PlistDict(entries);
            }

            default:
                throw Bad(offset, $"unknown object marker 0x{marker:X2}");
        }
    }

    private readonly int Reference(ReadOnlySpan<byte> refs, int i)
    {
        ulong target = ReadUnsigned(refs.Slice(i * _objectRefSize, _objectRefSize));
        if (target >= (ulong)_objectCount)
        {
            throw new PlistFormatException($"Reference to object {target}; the plist has {_objectCount}.");
        }

        return (int)target;
    }

    /// <summary>Reads the count of a data, string, array or dict; nibble 0xF means an integer object follows.</summary>
    private readonly int ReadCount(int info, ref int start)
    {
        if (info != ExtendedCount)
        {
            return info;
        }

        if (start >= _offsetTableOffset || _data[start] >> MarkerTypeShift != TypeInteger)
        {
            throw Bad(start, "extended count is not an integer");
        }

        long count = ReadInteger(start, out int length);
        start += length;

        // A count can never exceed the bytes left before the offset table, whatever it counts.
        if (count < 0 || count > _offsetTableOffset - start)
        {
            throw Bad(start, $"count {count} exceeds the object area");
        }

        return (int)count;
    }

    /// <summary>Reads an integer object at <paramref name="offset"/>; <paramref name="length"/> is its total size.</summary>
    private readonly long ReadInteger(int offset, out int length)
    {
        int exponent = _data[offset] & MarkerInfoMask;
        if (exponent > MaxIntegerSizeExponent)
        {
            throw Bad(offset, $"integer of 2^{exponent} bytes");
        }

        int size = 1 << exponent;
        var bytes = Slice(offset + 1, size);
        length = 1 + size;
        return size switch
        {
            1 or 2 or 4 => (long)ReadUnsigned(bytes),
            8 => BinaryPrimitives.ReadInt64BigEndian(bytes),
            _ => ReadInt128(bytes, offset),
        };
    }

    private static long ReadInt128(ReadOnlySpan<byte> bytes, int offset)
    {
        var value = BinaryPrimitives.ReadInt128BigEndian(bytes);
        if (value < long.MinValue || value > long.MaxValue)
        {
            throw Bad(offset, "integer beyond 64 bits");
        }

        return (long)value;
    }

    private readonly double ReadReal(int start, int exponent) => exponent switch
    {
        2 => BinaryPrimitives.ReadSingleBigEndian(Slice(start, sizeof(float))),
        3 => BinaryPrimitives.ReadDoubleBigEndian(Slice(start, sizeof(double))),
        _ => throw Bad(start - 1, $"real of 2^{exponent} bytes"),
    };

    private static DateTimeOffset ToDate(double seconds)
    {
        // Finite and within DateTimeOffset's range (years 1–9999), else the file is damaged.
        const double MinSeconds = -63113904000.0;
        const double MaxSeconds = 252423993599.0;
        if (!double.IsFinite(seconds) || seconds < MinSeconds || seconds > MaxSeconds)
        {
            throw new PlistFormatException($"Date value {seconds} is out of range.");
        }

        return Epoch.AddTicks((long)(seconds * TimeSpan.TicksPerSecond));
    }

    /// <summary>A checked slice that must end before the offset table (objects never overlap it).</summary>
    private readonly ReadOnlySpan<byte> Slice(int start, long length)
    {
        // Lengths are computed in 64 bits (count × reference size can exceed int) and checked before the cast.
        if (length < 0 || start < HeaderLength || start + length > _offsetTableOffset)
        {
            throw new PlistFormatException($"Object at {start} of length {length} runs past the object area.");
        }

        return _data.Slice(start, (int)length);
    }

    private static ulong ReadUnsigned(ReadOnlySpan<byte> bytes)
    {
        ulong value = 0;
        foreach (byte b in bytes)
        {
            value = (value << 8) | b;
        }

        return value;
    }

    private static PlistFormatException Bad(int offset, string what) => new($"Binary plist object at {offset}: {what}.");
}
