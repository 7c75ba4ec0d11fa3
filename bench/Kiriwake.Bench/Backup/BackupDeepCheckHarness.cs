using System.Diagnostics;
using System.Globalization;
using Kiriwake.Evidence.Backup;
using Kiriwake.Evidence.Tests.Fixtures;

namespace Kiriwake.Bench.Backup;

/// <summary>
/// The deep check of a generated backup against a bare walk of the same tree (<c>find DIR -type f -printf
/// '%s\n'</c>), measured in the same run, both warm. Targets: at most 1.5× the walk's time, at most 200 MB.
/// </summary>
internal static class BackupDeepCheckHarness
{
    public static async Task<int> RunAsync(string[] args)
    {
        int files = Option(args, "--files", 250_000);
        int rounds = Option(args, "--rounds", 3);
        string root = Directory.CreateTempSubdirectory("kiriwake-bench-").FullName;
        try
        {
            var clock = Stopwatch.StartNew();
            string folder = BackupFixture.Create(root, new BackupSpec(Files: files, MaxFileBytes: 2048, Seed: 7));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generated {files} files in {clock.Elapsed.TotalSeconds:F1} s: {folder}"));

            // Warm both: the first pass of each reads the inodes into the cache.
            Find(folder);
            var verifier = new BackupVerifier(TimeProvider.System);
            var warm = await verifier.VerifyAsync(folder, new VerifyOptions(Deep: true), CancellationToken.None);
            Console.WriteLine($"verdict {warm.Verdict}, files {warm.Files!.Files}, present {warm.Files.Present}, missing {warm.Files.Missing}, orphans {warm.Files.Orphans}");

            if (args.Contains("--sqlprobe"))
            {
                foreach (int level in new[] { 0, 1, 2, 3, 4, 0, 1, 2, 3, 4 })
                {
                    using var raw = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=" + Path.Combine(folder, "Manifest.db") + ";Mode=ReadOnly;Pooling=False");
                    raw.Open();
                    using var command = raw.CreateCommand();
                    command.CommandText = "SELECT rowid, fileID, flags, file FROM Files";
                    clock.Restart();
                    using var reader = command.ExecuteReader();
                    var buffer = new byte[4096];
                    long sum = 0;
                    while (reader.Read())
                    {
                        if (level >= 1)
                        {
                            sum += reader.GetInt64(0) + reader.GetInt64(2);
                        }

                        if (level >= 2)
                        {
                            sum += reader.GetString(1).Length;
                        }

                        if (level >= 3)
                        {
                            byte[] blob = reader.GetFieldValue<byte[]>(3);
                            if (level >= 4)
                            {
                                sum += MbFileReader.Read(blob, false).Size;
                            }
                        }
                    }

                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sql level {level}: {clock.Elapsed.TotalSeconds:F3} s"));
                }
            }

            if (args.Contains("--parts"))
            {
                for (int i = 0; i < 3; i++)
                {
                    clock.Restart();
                    var index = BlobIndex.Build(folder, CancellationToken.None);
                    double walk = clock.Elapsed.TotalSeconds;
                    clock.Restart();
                    var quick = await verifier.VerifyAsync(folder, new VerifyOptions(Deep: false), CancellationToken.None);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"parts: walk {walk:F3} s ({index.Blobs.Count} blobs), verify without the walk {clock.Elapsed.TotalSeconds:F3} s ({quick.Files!.Records} rows)"));
                }
            }

            var findTimes = new List<double>();
            var checkTimes = new List<double>();
            long peak = 0;
            for (int round = 0; round < rounds; round++)
            {
                findTimes.Add(Find(folder));
                GC.Collect();
                long before = Environment.WorkingSet;
                using var sampler = new PeakSampler();
                clock.Restart();
                var report = await verifier.VerifyAsync(folder, new VerifyOptions(Deep: true), CancellationToken.None);
                checkTimes.Add(clock.Elapsed.TotalSeconds);
                peak = Math.Max(peak, sampler.Peak);
                if (report.Verdict != BackupVerdict.Complete)
                {
                    Console.Error.WriteLine($"unexpected verdict {report.Verdict}");
                    return 1;
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {round + 1}: find {findTimes[^1]:F3} s, deep check {checkTimes[^1]:F3} s, working set before {before / 1e6:F0} MB"));
            }

            double find = findTimes.Min();
            double check = checkTimes.Min();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"best: find {find:F3} s, deep check {check:F3} s, ratio {check / find:F2} (target ≤ 1.5)"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak working set during the check: {peak / 1e6:F0} MB (target ≤ 200 MB)"));
            return check / find <= 1.5 && peak <= 200_000_000 ? 0 : 1;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>Runs the bare walk and returns its wall time in seconds.</summary>
    private static double Find(string folder)
    {
        var start = new ProcessStartInfo("find", [folder, "-type", "f", "-printf", "%s\n"]) { RedirectStandardOutput = true };
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        long lines = 0;
        while (process.StandardOutput.ReadLine() is not null)
        {
            lines++;
        }

        process.WaitForExit();
        return clock.Elapsed.TotalSeconds;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        int at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }

    /// <summary>Samples the process working set every 10 ms (the GC's own counters miss native SQLite memory).</summary>
    private sealed class PeakSampler : IDisposable
    {
        private readonly Timer _timer;

        public PeakSampler() => _timer = new Timer(_ => Peak = Math.Max(Peak, Environment.WorkingSet), null, 0, 10);

        public long Peak { get; private set; }

        public void Dispose()
        {
            _timer.Dispose();
            Peak = Math.Max(Peak, Environment.WorkingSet);
        }
    }
}
