using Kiriwake.Core.Knowledge;

namespace Kiriwake.Evidence.DeviceTools;

/// <summary>One call for callers that only want the facts (e.g. `kiriwake diagnose`): run the tools, then build.</summary>
public static class DeviceFactsReader
{
    /// <param name="knowledge">For the model table; the rule by major number covers models it lacks.</param>
    /// <param name="toolsDirectory">Where the tools are, instead of PATH.</param>
    /// <exception cref="OperationCanceledException">Cancelled by the caller; the running tool was killed.</exception>
    public static async Task<DeviceFacts> ReadAsync(KnowledgeBase knowledge, DeviceProbeOptions? options, string? toolsDirectory, TimeProvider? timeProvider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        var probe = new DeviceProbe(new ToolRunner(toolsDirectory, timeProvider), options);
        var capture = await probe.CaptureAsync(cancellationToken);
        return DeviceFactsBuilder.Build(capture, knowledge.Models);
    }
}
