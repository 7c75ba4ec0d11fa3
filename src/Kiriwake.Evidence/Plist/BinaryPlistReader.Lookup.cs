using static Kiriwake.Evidence.Plist.BinaryPlistLayout;

namespace Kiriwake.Evidence.Plist;

/// <summary>
/// In-place lookups: read one dictionary value, array item or scalar without decoding the whole plist. Used on
/// hot paths (one MBFile record per manifest row); every read goes through the same checked offsets and slices.
/// </summary>
internal ref partial struct BinaryPlistReader
{
    /// <summary>The index of the top object.</summary>
    public readonly int TopObject => _topObject;

    /// <summary>Validates the header and trailer and returns a reader for in-place lookups.</summary>
    public static BinaryPlistReader Open(ReadOnlySpan<byte> data) => new(data);

    /// <summary>Decodes one object fully (with the same depth and cycle checks as <see cref="Read"/>).</summary>
    public PlistValue ReadObject(int index) => ReadObject(CheckIndex(index), depth: 0);

    /// <summary>The marker type (high nibble) of an object.</summary>
    public readonly byte TypeOf(int index) => (byte)(_data[ObjectOffset(CheckIndex(index))] >> MarkerTypeShift);

    /// <summary>
    /// Looks a key up in the dictionary object <paramref name="dict"/> without decoding it; keys are compared
    /// as ASCII bytes. False when absent. Reads in place so hot paths (one MBFile per manifest row) allocate nothing.
    /// </summary>
    public readonly bool TryGetDictValue(int dict, ReadOnlySpan<byte> asciiKey, out int value)
    {
        int offset = ObjectOffset(CheckIndex(dict));
        byte marker = _data[offset];
        if (marker >> MarkerTypeShift != TypeDict)
        {
            throw Bad(offset, "expected a dictionary");
        }

        int start = offset + 1;
        int count = ReadCount(marker & MarkerInfoMask, ref start);
        var refs = Slice(start, (long)count * 2 * _objectRefSize);
        for (int i = 0; i < count; i++)
        {
            int keyOffset = ObjectOffset(Reference(refs, i));
            byte keyMarker = _data[keyOffset];
            if (keyMarker >> MarkerTypeShift != TypeAsciiString)
            {
                continue;
            }

            int keyStart = keyOffset + 1;
            int keyLength = ReadCount(keyMarker & MarkerInfoMask, ref keyStart);
            if (Slice(keyStart, keyLength).SequenceEqual(asciiKey))
            {
                value = Reference(refs, count + i);
                return true;
            }
        }

        value = -1;
        return false;
    }

    /// <summary>Item <paramref name="i"/> of an array object, or false when out of range.</summary>
    public readonly bool TryGetArrayItem(int array, long i, out int item)
    {
        int offset = ObjectOffset(CheckIndex(array));
        byte marker = _data[offset];
        if (marker >> MarkerTypeShift is not (TypeArray or TypeSet or TypeOrderedSet))
        {
            throw Bad(offset, "expected an array");
        }

        int start = offset + 1;
        int count = ReadCount(marker & MarkerInfoMask, ref start);
        var refs = Slice(start, (long)count * _objectRefSize);
        if (i < 0 || i >= count)
        {
            item = -1;
            return false;
        }

        item = Reference(refs, (int)i);
        return true;
    }

    /// <summary>The value of an integer object.</summary>
    public readonly long GetInteger(int index)
    {
        int offset = ObjectOffset(CheckIndex(index));
        return _data[offset] >> MarkerTypeShift == TypeInteger ? ReadInteger(offset, out _) : throw Bad(offset, "expected an integer");
    }

    /// <summary>The value of a UID object.</summary>
    public readonly ulong GetUid(int index)
    {
        int offset = ObjectOffset(CheckIndex(index));
        int info = _data[offset] & MarkerInfoMask;
        return _data[offset] >> MarkerTypeShift == TypeUid && info < MaxUidLength
            ? ReadUnsigned(Slice(offset + 1, info + 1))
            : throw Bad(offset, "expected a UID");
    }

    /// <summary>The bytes of a data object, in place.</summary>
    public readonly ReadOnlySpan<byte> GetData(int index)
    {
        int offset = ObjectOffset(CheckIndex(index));
        byte marker = _data[offset];
        if (marker >> MarkerTypeShift != TypeData)
        {
            throw Bad(offset, "expected data");
        }

        int start = offset + 1;
        int count = ReadCount(marker & MarkerInfoMask, ref start);
        return Slice(start, count);
    }

    private readonly int CheckIndex(int index) =>
        index >= 0 && index < _objectCount ? index : throw new PlistFormatException($"Reference to object {index}; the plist has {_objectCount}.");
}
