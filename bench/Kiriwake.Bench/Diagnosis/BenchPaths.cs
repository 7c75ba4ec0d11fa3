namespace Kiriwake.Bench.Diagnosis;

internal static class BenchPaths
{
    /// <summary>The repository root: the first folder above the current one holding knowledge/SCHEMA.md.</summary>
    public static string Root()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "knowledge", "SCHEMA.md")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("run the benchmarks from inside the repository (knowledge/SCHEMA.md not found above the current folder)");
    }

    public static string Option(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }
}
