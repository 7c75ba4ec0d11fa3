using Kiriwake.Knowledge.Yaml;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;
using YamlDotNet.Serialization.NodeDeserializers;

namespace Kiriwake.Knowledge;

/// <summary>Reads every *.yaml file of a knowledge sub-folder as a sequence of DTOs; a file that does not parse becomes a problem.</summary>
internal static class YamlFiles
{
    private static readonly IDeserializer s_deserializer = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .WithNodeDeserializer(inner => new LineTrackingNodeDeserializer(inner), s => s.InsteadOf<ObjectNodeDeserializer>())
        .Build();

    /// <summary>The entries of every file in <paramref name="folder"/>, each with the file's path relative to <paramref name="root"/>.</summary>
    public static List<(string File, T Entry)> ReadFolder<T>(string root, string folder, List<KnowledgeProblem> problems)
    {
        var result = new List<(string, T)>();
        var directory = Path.Combine(root, folder);
        if (!Directory.Exists(directory))
        {
            return result;
        }

        foreach (var path in Directory.EnumerateFiles(directory, "*.yaml").Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
            foreach (var entry in ReadFile<T>(path, relative, problems))
            {
                result.Add((relative, entry));
            }
        }

        return result;
    }

    private static List<T> ReadFile<T>(string path, string relative, List<KnowledgeProblem> problems)
    {
        try
        {
            using var reader = new StreamReader(path);
            var entries = s_deserializer.Deserialize<List<T?>?>(reader);
            if (entries is null)
            {
                return [];
            }

            var present = entries.Where(e => e is not null).Select(e => e!).ToList();
            if (present.Count != entries.Count)
            {
                problems.Add(new KnowledgeProblem(relative, 1, null, "the file has an empty entry"));
            }

            return present;
        }
        catch (YamlException ex)
        {
            var message = ex.InnerException is null ? ex.Message : ex.Message + " " + ex.InnerException.Message;
            problems.Add(new KnowledgeProblem(relative, checked((int)ex.Start.Line), null, "YAML: " + message));
            return [];
        }
    }
}
