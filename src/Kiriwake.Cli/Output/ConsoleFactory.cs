using Spectre.Console;

namespace Kiriwake.Cli;

/// <summary>Spectre consoles over plain writers, so tests capture exactly what a person would read.</summary>
internal static class ConsoleFactory
{
    public static IAnsiConsole Create(TextWriter writer, bool color)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = color ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = color ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = color ? InteractionSupport.Detect : InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        if (!color)
        {
            // Redirected output has no width of its own; a fixed width keeps text and tests stable.
            console.Profile.Width = 100;
        }

        return console;
    }

    /// <summary>Colour only on a real terminal and only when NO_COLOR is not set (https://no-color.org).</summary>
    public static bool UseColor(bool redirected) =>
        !redirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
}
