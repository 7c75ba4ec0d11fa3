using Kiriwake.Core.Diagnosis;
using Kiriwake.Files;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Kiriwake.Cli.Commands;

/// <summary>A scripted session's answers: a YAML or JSON mapping step id → answer.</summary>
internal static class AnswersFile
{
    /// <summary>An answers file names a few dozen steps; a bigger one is not an answers file.</summary>
    public const long MaxBytes = 1024 * 1024;

    /// <exception cref="InvalidDataException">The file is not such a mapping, or nests too deep.</exception>
    /// <exception cref="IOException">A folder, a special file, or larger than <see cref="MaxBytes"/>.</exception>
    public static IReadOnlyDictionary<string, string> Load(string path)
    {
        var stream = new YamlStream();
        try
        {
            var text = UntrustedFile.ReadAllText(path, MaxBytes);
            NestingGuard.Check(text, path);
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            throw new InvalidDataException($"{path}:{ex.Start.Line}: {ex.Message}", ex);
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode map)
        {
            throw new InvalidDataException($"{path}: expected a mapping step id → answer (actions: {string.Join(", ", StepAnswers.ForAction)})");
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in map.Children)
        {
            if (key is not YamlScalarNode { Value: { } k } || value is not YamlScalarNode { Value: { } v })
            {
                throw new InvalidDataException($"{path}:{key.Start.Line}: each entry is 'step-id: answer'");
            }

            result[k] = v;
        }

        return result;
    }
}
