using Kiriwake.Knowledge.Dto;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Kiriwake.Knowledge.Yaml;

/// <summary>Wraps the object deserializer so every DTO knows the line it came from, for problems with file and line.</summary>
internal sealed class LineTrackingNodeDeserializer : INodeDeserializer
{
    private readonly INodeDeserializer _inner;

    public LineTrackingNodeDeserializer(INodeDeserializer inner) => _inner = inner;

    public bool Deserialize(IParser reader, Type expectedType, Func<IParser, Type, object?> nestedObjectDeserializer, out object? value, ObjectDeserializer rootDeserializer)
    {
        var line = reader.Current?.Start.Line ?? 0;
        if (!_inner.Deserialize(reader, expectedType, nestedObjectDeserializer, out value, rootDeserializer))
        {
            return false;
        }

        if (value is Lined lined)
        {
            lined.YamlLine = checked((int)line);
        }

        return true;
    }
}
