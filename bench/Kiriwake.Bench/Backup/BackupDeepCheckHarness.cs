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
        int at = Array.IndexOf(args, "--folder");
        if (at >= 0 && at + 1 < args.Length)
        {
            return args.Contains("--single") ? await SingleAsync(args[at + 1]) : await MeasureAsync(args[at + 1], Option(args, "--rounds", 5));
        }

        int files = Option(args, "--files", 250_000);
        string root = Directory.CreateTempSubdirectory("kiriwake-bench-").FullName;
        try
        {
            var clock = Stopwatch.StartNew();
            string folder = BackupFixture.Create(root, new BackupSpec(Files: files, MaxFileBytes: 2048, Seed: 7));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generated {files} files in {clock.Elapsed.TotalSeconds:F1} s: {folder}"));

            // Measured in a fresh process, so its memory is the check's and not the generator's.
            var self = Environment.ProcessPath!;
            var start = new ProcessStartInfo(self);
            if (Path.GetFileNameWithoutExtension(self) == "dotnet")
            {
                start.ArgumentList.Add(typeof(BackupDeepCheckHarness).Assembly.Location);
            }

            foreach (string a in new[] { "backup-deep-check", "--folder", folder, "--rounds", Option(args, "--rounds", 5).ToString(CultureInfo.InvariantCulture) })
            {
                start.ArgumentList.Add(a);
            }

            using var child = Process.Start(start)!;
            await child.WaitForExitAsync();

            // Memory as `kiriwake backups verify --deep` uses it: one check in a fresh process. (Repeated checks in
            // one process let the GC's gen0 budget fill with garbage between collections: the figure then measures
            // the GC's policy, not what the check needs.)
            start.ArgumentList.Add("--single");
            using var single = Process.Start(start)!;
            await single.WaitForExitAsync();
            return child.ExitCode == 0 && single.ExitCode == 0 ? 0 : 1;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<int> MeasureAsync(string folder, int rounds)
    {
        // Warm both: the first pass of each reads the inodes and the database into the cache.
        Find(folder);
        var verifier = new BackupVerifier(TimeProvider.System);
        var warm = await verifier.VerifyAsync(folder, new VerifyOptions(Deep: true), CancellationToken.None);
        Console.WriteLine($"verdict {warm.Verdict}, files {warm.Files!.Files}, present {warm.Files.Present}, missing {warm.Files.Missing}, orphans {warm.Files.Orphans}");
        long allocated = GC.GetTotalAllocatedBytes();
        int gen0 = GC.CollectionCount(0), gen2 = GC.CollectionCount(2);
        await verifier.VerifyAsync(folder, new VerifyOptions(Deep: true), CancellationToken.None);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"one check allocates {(GC.GetTotalAllocatedBytes() - allocated) / 1e6:F0} MB ({GC.CollectionCount(0) - gen0} gen0, {GC.CollectionCount(2) - gen2} gen2 collections); managed heap {GC.GetGCMemoryInfo().HeapSizeBytes / 1e6:F0} MB; working set {Environment.WorkingSet / 1e6:F0} MB"));
        var findTimes = new List<double>();
        var checkTimes = new List<double>();
        var peaks = new List<long>();
        var clock = new Stopwatch();
        for (int round = 0; round < rounds; round++)
        {
            findTimes.Add(Find(folder));
            long roundPeak = 0;
            using (var sampler = new Timer(_ => roundPeak = Math.Max(roundPeak, Environment.WorkingSet), null, 0, 5))
            {
                clock.Restart();
                var report = await verifier.VerifyAsync(folder, new VerifyOptions(Deep: true), CancellationToken.None);
                checkTimes.Add(clock.Elapsed.TotalSeconds);
                if (report.Verdict != BackupVerdict.Complete)
                {
                    Console.Error.WriteLine($"unexpected verdict {report.Verdict}");
                    return 1;
                }
            }

            peaks.Add(roundPeak);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {round + 1}: find {findTimes[^1]:F3} s, deep check {checkTimes[^1]:F3} s, working set up to {roundPeak / 1e6:F0} MB"));
        }

        double find = findTimes.Min();
        double check = checkTimes.Min();
        long peak = peaks.Max();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"process peak working set over its life (warm-up included): {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"best: find {find:F3} s, deep check {check:F3} s, ratio {check / find:F2} (target ≤ 1.5); median ratio {Median(checkTimes) / Median(findTimes):F2}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"working set during the repeated checks (sampled every 5 ms): up to {peak / 1e6:F0} MB"));
        return check / find <= 1.5 ? 0 : 1;
    }

    private static async Task<int> SingleAsync(string folder)
    {
        var clock = Stopwatch.StartNew();
        var report = await new BackupVerifier(TimeProvider.System).VerifyAsync(folder, new VerifyOptions(Deep: true), CancellationToken.None);
        long peak = Process.GetCurrentProcess().PeakWorkingSet64;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"one check in a fresh process: {clock.Elapsed.TotalSeconds:F3} s (JIT included), verdict {report.Verdict}, peak working set {peak / 1e6:F0} MB (target ≤ 200 MB)"));
        return peak <= 200_000_000 ? 0 : 1;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    /// <summary>Runs the bare walk and returns its wall time in seconds.</summary>
    private static double Find(string folder)
    {
        var start = new ProcessStartInfo("find", [folder, "-type", "f", "-printf", "%s\n"]) { RedirectStandardOutput = true };
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        // Drain find's output as bytes: reading it as strings would fill this process's heap, which is measured.
        process.StandardOutput.BaseStream.CopyTo(Stream.Null);

        process.WaitForExit();
        return clock.Elapsed.TotalSeconds;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        int at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
