using System.Diagnostics;
using System.Globalization;
using Kiriwake.Evidence.Backup;
using Kiriwake.Evidence.Plist;
using Kiriwake.Evidence.Tests.Fixtures;
using Kiriwake.Evidence.Tests.Plist;

namespace Kiriwake.Bench.Backup;

/// <summary>
/// Feeds mutated plists (samples and generated MBFile/Status/Manifest plists) to the plist reader, the MBFile
/// reader and the keyed-archive reader, and mutated Manifest.db files to the manifest reader. The only failure
/// allowed is the format's own exception; the slowest case is reported to show nothing hangs. With --hostile,
/// the classes of issue 14 instead (<see cref="HostileFuzz"/>).
/// </summary>
internal static class FuzzHarness
{
    public static int Run(string[] args)
    {
        int cases = Option(args, "--cases", 100_000);
        int dbCases = Option(args, "--db-cases", 2_000);
        if (Array.IndexOf(args, "--hostile") >= 0)
        {
            // Issue 14's classes: pathological text, nesting, special files, views.
            string root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", ".."));
            return HostileFuzz.Run(
                Option(args, "--text-cases", 40_000),
                Option(args, "--nesting-cases", 40_000),
                Option(args, "--special-cases", 2_000),
                Option(args, "--view-cases", 1_000),
                Path.Combine(root, "knowledge"));
        }

        var seeds = Seeds();
        var random = new Random(20261122);
        var clock = Stopwatch.StartNew();
        double slowest = 0;
        long formatErrors = 0, accepted = 0;
        for (int i = 0; i < cases; i++)
        {
            byte[] input = PlistMutator.Mutate(seeds[i % seeds.Count], random);
            long start = Stopwatch.GetTimestamp();
            try
            {
                var value = PlistReader.Read(input);
                if (value is PlistDict { } dict && dict["$objects"] is not null)
                {
                    KeyedArchive.Open(value);
                    MbFileReader.Read(input, wantKey: true);
                }

                accepted++;
            }
            catch (PlistFormatException)
            {
                formatErrors++;
            }
            catch (Exception e)
            {
                Console.Error.WriteLine($"case {i}: {e.GetType().Name}: {e.Message}\n{Convert.ToHexString(input)}");
                return 1;
            }

            slowest = Math.Max(slowest, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"plists: {cases} cases in {clock.Elapsed.TotalSeconds:F1} s, {formatErrors} PlistFormatException, {accepted} read, slowest {slowest:F2} ms, no other exception"));
        return FuzzDatabases(dbCases, random) ? 0 : 1;
    }

    private static bool FuzzDatabases(int cases, Random random)
    {
        using var temp = new TempFolder();
        string folder = BackupFixture.Create(temp.Path, new BackupSpec(Files: 60));
        byte[] db = File.ReadAllBytes(Path.Combine(folder, "Manifest.db"));
        string target = Path.Combine(temp.Path, "fuzz.db");
        var clock = Stopwatch.StartNew();
        double slowest = 0;
        long formatErrors = 0, recordProblems = 0, accepted = 0;
        for (int i = 0; i < cases; i++)
        {
            byte[] input = PlistMutator.MutateDatabase(db, random);
            File.WriteAllBytes(target, input);
            long start = Stopwatch.GetTimestamp();
            try
            {
                using var reader = ManifestDbReader.Open(target);
                recordProblems += reader.ReadEntries(wantKeys: true).Count(e => e.RecordProblem is not null);
                accepted++;
            }
            catch (ManifestFormatException)
            {
                formatErrors++;
            }
            catch (Exception e)
            {
                Console.Error.WriteLine($"db case {i}: {e.GetType().Name}: {e.Message}");
                return false;
            }

            slowest = Math.Max(slowest, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Manifest.db: {cases} cases in {clock.Elapsed.TotalSeconds:F1} s, {formatErrors} ManifestFormatException, {accepted} read ({recordProblems} damaged records reported), slowest {slowest:F1} ms"));
        return true;
    }

    private static List<byte[]> Seeds()
    {
        string samples = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "shared", "backup-samples");
        var seeds = new List<byte[]>
        {
            BackupFixture.MbFile("Media/DCIM/100APPLE/IMG_0001.HEIC", 123456, 0x81A4, 3, new byte[44]),
            BackupFixture.MbFile("Library", 0, 0x41ED, 0, null),
            BackupFixture.StatusPlist(BackupSpec.DefaultDate, "finished", "new"),
        };
        foreach (string sample in new[] { "mvt/ios_backup/Info.plist", "ios-backup-browser/sample_backup/Status.plist", "ios-backup-browser/sample_backup/Info.plist" })
        {
            string path = Path.Combine(samples, sample);
            if (File.Exists(path))
            {
                seeds.Add(File.ReadAllBytes(path));
            }
        }

        return seeds;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        int at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
