using System.Buffers.Binary;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Kiriwake.Core.Knowledge;
using Kiriwake.Evidence.Crypto;
using Kiriwake.Evidence.DeviceTools;
using Kiriwake.Evidence.Logs;
using Kiriwake.Evidence.Tests.Support;

namespace Kiriwake.Evidence.Tests.Hostile;

/// <summary>Issue 14, items 4, 10 and 12: pathological text, nesting, tools and keybags.</summary>
public sealed class HostileTextTests
{
    private static readonly KnowledgeBase s_knowledge = TestKnowledge.Create();

    [Fact]
    public void LogLinePatterns_EveryPattern_IsNonBacktrackingWithATimeout()
    {
        var regexes = typeof(LogAnalyzer).Assembly.GetType("Kiriwake.Evidence.Logs.LogLinePatterns")!
            .GetFields(BindingFlags.Static | BindingFlags.NonPublic)
            .Where(f => f.FieldType == typeof(Regex))
            .Select(f => (f.Name, Regex: (Regex)f.GetValue(null)!))
            .ToList();

        Assert.True(regexes.Count >= 15, $"found {regexes.Count} patterns");
        Assert.All(regexes, r =>
        {
            Assert.True(r.Regex.Options.HasFlag(RegexOptions.NonBacktracking), r.Name + " can backtrack");
            Assert.NotEqual(Regex.InfiniteMatchTimeout, r.Regex.MatchTimeout);
        });
    }

    [Theory]
    [InlineData("error", ' ')]
    [InlineData("エラー", '\t')]
    [InlineData("Error Code", ' ')]
    public void Analyze_PathologicalLineThenARealError_FindsTheRealError(string word, char filler)
    {
        // Once cubic: "error" + 32,000 spaces + "x" took minutes. The next line must still be read.
        string text = word + new string(filler, 32_000) + "x\nAn unknown error occurred (4013).\n";

        var analysis = LogAnalyzer.Analyze(text, s_knowledge);

        Assert.Contains(analysis.Findings, f => f.Code == 4013 && f.Line == 2);
    }

    [Fact]
    public void Parse_IdeviceinfoWith100000NestedArrays_WarnsInsteadOfParsing()
    {
        var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<plist version=\"1.0\">\n<dict><key>Deep</key>"
            + string.Concat(Enumerable.Repeat("<array>", 100_000)) + string.Concat(Enumerable.Repeat("</array>", 100_000))
            + "</dict>\n</plist>\n";

        var outcome = IdeviceInfoParser.Parse(text);

        Assert.Contains(outcome.Warnings, w => w.Code == "xml-too-deep");
        Assert.True(outcome.Value.IsEmpty);
    }

    [Fact]
    public void Parse_KeybagAsking2To31Rounds_IsRefusedWithTheReason()
    {
        var keybag = Record("VERS", UInt(3)).Concat(Record("TYPE", UInt(1))).Concat(Record("SALT", new byte[20]))
            .Concat(Record("ITER", UInt(10_000))).Concat(Record("DPSL", new byte[20])).Concat(Record("DPIC", UInt(int.MaxValue))).ToArray();

        var error = Assert.Throws<KeybagFormatException>(() => Keybag.Parse(keybag));

        Assert.Contains("10,000,000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_KeybagWithApplesRounds_IsAccepted()
    {
        var keybag = Record("VERS", UInt(3)).Concat(Record("TYPE", UInt(1))).Concat(Record("SALT", new byte[20]))
            .Concat(Record("ITER", UInt(10_000))).Concat(Record("DPSL", new byte[20])).Concat(Record("DPIC", UInt(10_000_000))).ToArray();

        Assert.Equal(10_000_000, Keybag.Parse(keybag).DoublePassIterations);
    }

    [UnixFact]
    public void Resolve_DanglingSymlinkNamedLikeTheTool_IsNotInstalled()
    {
        using var tools = new FakeTools();
        File.CreateSymbolicLink(Path.Combine(tools.Directory, "idevice_id"), Path.Combine(tools.Directory, "gone"));
        File.CreateSymbolicLink(Path.Combine(tools.Directory, "ideviceinfo"), Path.Combine(tools.Directory, "ideviceinfo"));

        var runner = new ToolRunner(tools.Directory);

        Assert.Null(runner.Resolve("idevice_id"));
        Assert.Null(runner.Resolve("ideviceinfo"));
    }

    [UnixFact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task RunAsync_ChildKeepsTheOutputOpen_ToolCompletesAndTheChildIsKilled()
    {
        if (!ProcessGroupAvailable())
        {
            return; // Without setsid the group cannot be made; the tree kill is the only tool there.
        }

        using var tools = new FakeTools();
        string pidFile = Path.Combine(tools.Directory, "child.pid");
        File.WriteAllText(Path.Combine(tools.Directory, "ideviceinfo"), $"#!/bin/sh\necho done\nsleep 300 &\necho $! > '{pidFile}'\nexit 0\n");
        File.SetUnixFileMode(Path.Combine(tools.Directory, "ideviceinfo"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var output = await new ToolRunner(tools.Directory).RunAsync("ideviceinfo", ["-x"], TimeSpan.FromSeconds(30), CancellationToken.None);

        Assert.Equal(ToolRunStatus.Completed, output.Status);
        Assert.Equal("done\n", output.Stdout);
        int child = int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.False(IsRunning(child), $"the child {child} the tool left behind is still running");
    }

    private static bool ProcessGroupAvailable() => File.Exists("/usr/bin/setsid") || File.Exists("/bin/setsid");

    private static bool IsRunning(int pid)
    {
        // A killed child may linger as a zombie of init for a moment: read its state, not only its existence.
        for (int i = 0; i < 50; i++)
        {
            string stat = $"/proc/{pid}/stat";
            if (!File.Exists(stat))
            {
                return false;
            }

            try
            {
                var state = File.ReadAllText(stat).Split(')')[^1].Trim().Split(' ')[0];
                if (state is "Z" or "X")
                {
                    return false;
                }
            }
            catch (IOException)
            {
                return false;
            }

            Thread.Sleep(100);
        }

        return true;
    }

    private static byte[] UInt(int value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(bytes, value);
        return bytes;
    }

    private static IEnumerable<byte> Record(string tag, byte[] value)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, value.Length);
        return Encoding.ASCII.GetBytes(tag).Concat(length).Concat(value);
    }
}
