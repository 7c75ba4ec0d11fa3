namespace Kiriwake.Evidence.Tests.Plist;

/// <summary>Byte-level mutations for fuzzing readers: flips, overwrites with edge values, cuts, splices.</summary>
public static class PlistMutator
{
    private static readonly byte[] s_interesting = [0x00, 0x01, 0x0F, 0x10, 0x13, 0x1F, 0x33, 0x5F, 0x7F, 0x80, 0xA1, 0xAF, 0xD1, 0xDF, 0xFF];

    public static byte[] Mutate(byte[] original, Random random)
    {
        var data = (byte[])original.Clone();
        int edits = 1 + random.Next(4);
        for (int e = 0; e < edits && data.Length > 0; e++)
        {
            int at = random.Next(data.Length);
            switch (random.Next(5))
            {
                case 0:
                    data[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    data[at] = s_interesting[random.Next(s_interesting.Length)];
                    break;
                case 2:
                    // The trailer and the offset table hold the riskiest fields: aim there often.
                    int tail = Math.Max(0, data.Length - 1 - random.Next(Math.Min(48, data.Length)));
                    data[tail] = (byte)random.Next(256);
                    break;
                case 3:
                    data = data[..at];
                    break;
                default:
                    int from = random.Next(data.Length);
                    int length = Math.Min(random.Next(1, 16), Math.Min(data.Length - from, data.Length - at));
                    Array.Copy(data, from, data, at, length);
                    break;
            }
        }

        return data;
    }

    /// <summary>Database mutations: byte edits spread over the file and aimed at the header, plus page-sized cuts.</summary>
    public static byte[] MutateDatabase(byte[] original, Random random)
    {
        var data = (byte[])original.Clone();
        int edits = 1 + random.Next(8);
        for (int e = 0; e < edits && data.Length > 0; e++)
        {
            int at = random.Next(data.Length);
            switch (random.Next(4))
            {
                case 0:
                    data[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    data[at] = (byte)random.Next(256);
                    break;
                case 2:
                    // The 100-byte header and the first page's b-tree header are the most fragile.
                    data[random.Next(Math.Min(data.Length, 120))] = (byte)random.Next(256);
                    break;
                default:
                    if (random.Next(8) == 0)
                    {
                        int pages = data.Length / 4096;
                        data = data[..Math.Min(data.Length, (random.Next(pages + 1) * 4096) + (random.Next(2) * random.Next(4096)))];
                    }

                    break;
            }
        }

        return data;
    }
}
