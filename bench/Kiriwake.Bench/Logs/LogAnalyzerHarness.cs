using System.Diagnostics;
using System.Globalization;
using System.Text;
using Kiriwake.Evidence.Logs;
using Kiriwake.Knowledge;

namespace Kiriwake.Bench.Logs;

/// <summary>
/// `analyze-log [--lines N] [--kb DIR]`: how long `kiriwake analyze` takes on an iTunes-style log of N lines
/// (default 200 000, about 17 MB) with a few error lines in it, against the real knowledge base. Prints the
/// median of 5 runs after a warm-up, in ms and MB/s, and checks the planted findings are all found.
/// </summary>
internal static class LogAnalyzerHarness
{
    private const int Runs = 5;

    public static int Run(string[] args)
    {
        var lines = Option(args, "--lines") is { } n ? int.Parse(n, CultureInfo.InvariantCulture) : 200_000;
        var kbDirectory = Option(args, "--kb") ?? Path.Combine(FindRoot(), "knowledge");
        var knowledge = KnowledgeLoader.Load(kbDirectory);
        var text = BuildLog(lines);
        var megabytes = Encoding.UTF8.GetByteCount(text) / 1e6;

        var analysis = LogAnalyzer.Analyze(text, knowledge);
        var times = new List<double>();
        for (var i = 0; i < Runs; i++)
        {
            var watch = Stopwatch.StartNew();
            analysis = LogAnalyzer.Analyze(text, knowledge);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        var median = times[Runs / 2];
        var codes = analysis.Findings.Where(f => f.Code is not null).Select(f => f.Code!.Value).Order().ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"analyze-log: {lines} lines, {megabytes:0.0} MB, {knowledge.Content.Symptoms.Sum(s => s.Messages.Count) + knowledge.Content.ErrorCodes.Sum(c => c.Messages.Count)} knowledge-base messages"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"median {median:0} ms (min {times[0]:0}, max {times[^1]:0}) = {megabytes / (median / 1000):0.0} MB/s; findings {analysis.Findings.Count}, codes [{string.Join(", ", codes)}]"));
        var planted = new[] { 3194, 4013 };
        return planted.All(codes.Contains) ? 0 : 1;
    }

    private static string BuildLog(int lines)
    {
        var builder = new StringBuilder(lines * 90);
        for (var i = 0; i < lines; i++)
        {
            var time = TimeSpan.FromMilliseconds(i * 37L);
            var stamp = time.ToString(@"hh\:mm\:ss\.ffff", CultureInfo.InvariantCulture);
            var line = (i % 50_000) switch
            {
                12_345 => $"[{stamp}] amai: AMAuthInstallRequestSendSync: SOAP-fault: (3194) This device isn't eligible for the requested build.",
                40_000 => $"[{stamp}] <Restore Device 0x0000019a2b3c4d50>: Restore failed (result = 4013)",
                _ => $"[{stamp}] <Restore Device 0x0000019a2b3c4d50>: operation {i % 60} progress {i % 100} (step {i % 54} of 54)",
            };
            builder.Append(line).Append('\n');
        }

        return builder.ToString();
    }

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Kiriwake.slnx")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
