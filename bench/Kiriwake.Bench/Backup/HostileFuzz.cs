using System.Diagnostics;
using System.Globalization;
using System.Text;
using Kiriwake.Core.Diagnosis;
using Kiriwake.Core.Knowledge;
using Kiriwake.Evidence.Backup;
using Kiriwake.Evidence.DeviceTools;
using Kiriwake.Evidence.Logs;
using Kiriwake.Evidence.Plist;
using Kiriwake.Evidence.Tests.Fixtures;
using Kiriwake.Knowledge;
using Kiriwake.Knowledge.Models;
using Microsoft.Data.Sqlite;

namespace Kiriwake.Bench.Backup;

/// <summary>
/// The hostile classes of issue 14, fed to the real readers: pathological log lines (regex backtracking), deep
/// nesting (YAML and JSON model and answers text, XML plists, ideviceinfo output), special files inside a backup
/// (FIFO, symlink loops, links to /dev/zero and to folders) and Manifest.db files whose Files is a view. A case
/// passes when the reader returns or throws the format's own exception; any other exception is a crash, and a
/// case that has not finished after <see cref="HangAfter"/> is a hang. Both are counted and printed.
/// </summary>
internal static class HostileFuzz
{
    /// <summary>A case still running after this long is a hang (the slowest legitimate case takes milliseconds).</summary>
    public static readonly TimeSpan HangAfter = TimeSpan.FromSeconds(30);

    private static readonly string[] s_words = ["error", "エラー", "Error Code", "ErrorCode", "failed with error", "Restore error", "(", "（", "不明なエラーが発生しました", "Error Domain=MBErrorDomain Code="];
    private static readonly string[] s_fillers = [" ", "\t", "　", ":", "：", "(", "-", "0", " (", "\u001b]0;x\u0007"];

    public sealed class Tally(string name)
    {
        public string Name { get; } = name;

        public long Cases { get; set; }

        public long Rejected { get; set; }

        public long Crashes { get; set; }

        public long Hangs { get; set; }

        public double SlowestMs { get; set; }

        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"| {Name} | {Cases} | {Rejected} | {Crashes} | {Hangs} | {SlowestMs:F1} |");
    }

    public static int Run(int textCases, int nestingCases, int specialCases, int viewCases, string knowledgeFolder)
    {
        var knowledge = KnowledgeLoader.Load(knowledgeFolder);
        var random = new Random(20261202);
        var tallies = new List<Tally>
        {
            Text(textCases, random, knowledge),
            Nesting(nestingCases, random),
            SpecialFiles(specialCases, random),
            Views(viewCases, random),
        };

        Console.WriteLine("| class | cases | rejected as bad input | crashes | hangs | slowest case (ms) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var tally in tallies)
        {
            Console.WriteLine(tally);
        }

        long crashes = tallies.Sum(t => t.Crashes), hangs = tallies.Sum(t => t.Hangs);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"hostile: {tallies.Sum(t => t.Cases)} cases, {crashes} crashes, {hangs} hangs"));
        return crashes == 0 && hangs == 0 ? 0 : 1;
    }

    /// <summary>One case with a watchdog: the format's exception is a rejection, anything else a crash.</summary>
    private static void Case(Tally tally, string label, Func<bool> body, params Type[] formatErrors)
    {
        tally.Cases++;
        long start = Stopwatch.GetTimestamp();
        var task = Task.Run(body);
        try
        {
            if (!task.Wait(HangAfter))
            {
                tally.Hangs++;
                Console.Error.WriteLine($"{tally.Name} case {tally.Cases}: HANG ({label})");
                return;
            }

            if (!task.GetAwaiter().GetResult())
            {
                tally.Rejected++;
            }
        }
        catch (Exception e)
        {
            var inner = e is AggregateException { InnerException: { } wrapped } ? wrapped : e;
            if (formatErrors.Any(t => t.IsInstanceOfType(inner)))
            {
                tally.Rejected++;
            }
            else
            {
                tally.Crashes++;
                Console.Error.WriteLine($"{tally.Name} case {tally.Cases}: CRASH ({label}) {inner.GetType().Name}: {inner.Message}");
            }
        }

        tally.SlowestMs = Math.Max(tally.SlowestMs, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
    }

    private static Tally Text(int cases, Random random, KnowledgeBase knowledge)
    {
        var tally = new Tally("pathological log lines");
        for (int i = 0; i < cases; i++)
        {
            var text = new StringBuilder();
            int lines = random.Next(1, 4);
            for (int l = 0; l < lines; l++)
            {
                text.Append(s_words[random.Next(s_words.Length)]);
                string filler = s_fillers[random.Next(s_fillers.Length)];
                int repeat = random.Next(10) == 0 ? random.Next(8_000, 32_001) : random.Next(0, 400);
                for (int r = 0; r < repeat; r++)
                {
                    text.Append(filler);
                }

                text.Append(random.Next(3) switch { 0 => "x", 1 => "4013)", _ => "(4013" }).Append('\n');
            }

            var input = text.ToString();
            Case(tally, "log", () => LogAnalyzer.Analyze(input, knowledge).Findings.Count >= 0);
        }

        return tally;
    }

    private static Tally Nesting(int cases, Random random)
    {
        var tally = new Tally("nesting (YAML/JSON models and answers, XML plists, ideviceinfo)");
        for (int i = 0; i < cases; i++)
        {
            int depth = random.Next(100) switch
            {
                < 2 => random.Next(50_000, 200_001),
                < 10 => random.Next(1_000, 10_000),
                _ => random.Next(1, 300),
            };
            switch (random.Next(5))
            {
                case 0:
                    var flow = "{\"id\": \"m\", \"causes\": " + new string('[', depth) + new string(']', depth) + "}";
                    Case(tally, "model flow " + depth, () => ModelFileReader.Parse(flow, "fuzz.json") is not null, typeof(TroubleshootingModelException));
                    break;
                case 1:
                    var block = "id: m\ncauses:\n" + string.Concat(Enumerable.Repeat("- ", depth)) + "x\n";
                    Case(tally, "model block " + depth, () => ModelFileReader.Parse(block, "fuzz.yaml") is not null, typeof(TroubleshootingModelException));
                    break;
                case 2:
                    var mixed = new StringBuilder("q-cable: ");
                    for (int d = 0; d < depth; d++)
                    {
                        mixed.Append(random.Next(4) switch { 0 => "[", 1 => "{a: ", 2 => "\"[", _ => "'{" });
                    }

                    var text = mixed.ToString();
                    Case(tally, "answers mixed " + depth, () => ModelFileReader.Parse(text, "answers.yaml") is not null, typeof(TroubleshootingModelException));
                    break;
                case 3:
                    var xml = "<?xml version=\"1.0\"?><plist version=\"1.0\">" + string.Concat(Enumerable.Repeat(random.Next(2) == 0 ? "<array>" : "<dict><key>k</key>", depth)) + "</plist>";
                    var bytes = Encoding.UTF8.GetBytes(xml);
                    Case(tally, "xml plist " + depth, () => PlistReader.Read(bytes) is not null, typeof(PlistFormatException));
                    break;
                default:
                    var info = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<plist version=\"1.0\">\n<dict><key>Deep</key>"
                        + string.Concat(Enumerable.Repeat("<array>", depth)) + string.Concat(Enumerable.Repeat("</array>", depth)) + "</dict>\n</plist>\n";
                    Case(tally, "ideviceinfo " + depth, () => IdeviceInfoParser.Parse(info).Warnings.Count >= 0);
                    break;
            }
        }

        return tally;
    }

    private static Tally SpecialFiles(int cases, Random random)
    {
        var tally = new Tally("special files in a backup (FIFO, links to /dev/zero, loops, folders)");
        using var temp = new TempFolder();
        string folder = BackupFixture.Create(temp.Path, new BackupSpec(Files: 40));
        string aside = Path.Combine(temp.Path, "aside");
        string[] targets = ["Info.plist", "Status.plist", "Manifest.plist", "Manifest.db", "Manifest.db-wal", "Manifest.mbdb", BlobPath(folder), "Snapshot/x"];
        var verifier = new BackupVerifier(TimeProvider.System);
        for (int i = 0; i < cases; i++)
        {
            string name = targets[random.Next(targets.Length)];
            string path = Path.Combine(folder, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            bool had = File.Exists(path);
            if (had)
            {
                File.Move(path, aside, overwrite: true);
            }

            int kind = random.Next(7);
            try
            {
                switch (kind)
                {
                    case 0: Mkfifo(path); break;
                    case 1: File.CreateSymbolicLink(path, "/dev/zero"); break;
                    case 2: File.CreateSymbolicLink(path, "/dev/urandom"); break;
                    case 3: File.CreateSymbolicLink(path, path); break;
                    case 4: File.CreateSymbolicLink(path, Path.Combine(folder, "nowhere")); break;
                    case 5: Directory.CreateSymbolicLink(path, folder); break;
                    default: Directory.CreateSymbolicLink(path, "/usr"); break;
                }

                bool deep = random.Next(2) == 0;
                Case(tally, $"{name} as kind {kind}", () => verifier.VerifyAsync(folder, new VerifyOptions(Deep: deep, MeasureDisk: true), CancellationToken.None).GetAwaiter().GetResult() is not null);
            }
            finally
            {
                if (Directory.Exists(path) && new DirectoryInfo(path).LinkTarget is not null)
                {
                    Directory.Delete(path);
                }
                else
                {
                    File.Delete(path);
                }

                if (had)
                {
                    File.Move(aside, path);
                }

                if (name.StartsWith("Snapshot", StringComparison.Ordinal))
                {
                    Directory.Delete(Path.Combine(folder, "Snapshot"), recursive: true);
                }
            }
        }

        return tally;
    }

    private static Tally Views(int cases, Random random)
    {
        var tally = new Tally("Manifest.db whose Files is a view or the wrong shape");
        using var temp = new TempFolder();
        string folder = BackupFixture.Create(temp.Path, new BackupSpec(Files: 20));
        byte[] original = File.ReadAllBytes(Path.Combine(folder, "Manifest.db"));
        string target = Path.Combine(temp.Path, "Manifest.db");
        string[] shapes =
        [
            "ALTER TABLE Files RENAME TO F0; CREATE VIEW Files AS WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT printf('%040x', n) AS fileID, 'D' AS domain, 'p' AS relativePath, 1 AS flags, NULL AS file FROM r;",
            "ALTER TABLE Files RENAME TO F0; CREATE VIEW Files AS SELECT a.fileID, a.domain, a.relativePath, a.flags, a.file FROM F0 a, F0 b, F0 c, F0 d, F0 e, F0 f, F0 g;",
            "ALTER TABLE Files RENAME TO F0; CREATE VIEW Files AS SELECT * FROM F0;",
            "ALTER TABLE Files RENAME TO F0; CREATE TABLE Files (fileID TEXT, domain TEXT);",
            "DROP TABLE Files;",
            "ALTER TABLE Files RENAME TO F0; CREATE VIRTUAL TABLE Files USING fts5(fileID, domain, relativePath, flags, file);",
            "CREATE TRIGGER t AFTER INSERT ON Files BEGIN SELECT 1; END;",
            "ALTER TABLE Files ADD COLUMN extra TEXT;",
        ];
        for (int i = 0; i < cases; i++)
        {
            File.WriteAllBytes(target, original);
            string shape = shapes[random.Next(shapes.Length)];
            using (var connection = new SqliteConnection($"Data Source={target};Pooling=False"))
            {
                connection.Open();
                using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA journal_mode=DELETE; " + shape;
                try
                {
                    command.ExecuteNonQuery();
                }
                catch (SqliteException)
                {
                    continue; // fts5 not compiled in: that shape cannot be made here.
                }
            }

            Case(tally, shape, () =>
            {
                using var reader = ManifestDbReader.Open(target);
                return reader.ReadEntries(wantKeys: false).Take(100_000).Count() >= 0;
            }, typeof(ManifestFormatException));
        }

        return tally;
    }

    private static string BlobPath(string folder)
    {
        var blob = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .First(f => Path.GetFileName(Path.GetDirectoryName(f))!.Length == 2);
        return Path.GetRelativePath(folder, blob);
    }

    private static void Mkfifo(string path)
    {
        using var process = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        process.WaitForExit();
    }
}
