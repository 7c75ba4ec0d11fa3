using Kiriwake.Core.Actions;
using Kiriwake.Core.Knowledge;
using Spectre.Console;

namespace Kiriwake.Cli.Commands;

/// <summary>
/// The progress of a device action on stderr: a redrawn bar on a terminal, one line per change of stage
/// otherwise (logs, pipes). Shared by `backups create` and the device steps of `diagnose`.
/// </summary>
internal static class DeviceActionProgressView
{
    public static async Task<T> RunAsync<T>(CliContext context, Language language, Func<IProgress<DeviceActionProgress>, Task<T>> run, Func<T, LocalizedText> done)
    {
        if (!context.Error.Profile.Capabilities.Interactive)
        {
            string? last = null;
            var gate = new object();
            var lines = new SyncProgress(p =>
            {
                var line = p.Stage.Get(language);
                lock (gate)
                {
                    if (line != last)
                    {
                        last = line;
                        context.ErrorWriter.WriteLine(line);
                    }
                }
            });
            return await run(lines);
        }

        T result = default!;
        await context.Error.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask(Markup.Escape(DeviceActionTextStart.Get(language)), maxValue: 100);
                var gate = new object();
                var reporter = new SyncProgress(p =>
                {
                    lock (gate)
                    {
                        task.Description = Markup.Escape(p.Stage.Get(language)) + (p.Detail is null ? string.Empty : " [dim]" + Markup.Escape(p.Detail.Get(language)) + "[/]");
                        if (p.Percent is { } percent)
                        {
                            task.Value = percent;
                        }
                    }
                });
                result = await run(reporter);
                lock (gate)
                {
                    task.Description = Markup.Escape(done(result).Get(language));
                    task.StopTask();
                }
            });
        return result;
    }

    private static readonly LocalizedText DeviceActionTextStart = new("準備中", "Starting");

    /// <summary>Reports on the reporting thread: the bar shows the latest state, never a stale one posted late.</summary>
    private sealed class SyncProgress(Action<DeviceActionProgress> report) : IProgress<DeviceActionProgress>
    {
        public void Report(DeviceActionProgress value) => report(value);
    }
}
