namespace Kiriwake.Tests;

/// <summary>
/// A fact that reads ../shared (the seed documents, references and sample backups beside the repository).
/// On a fresh clone with nothing beside it the test is skipped with a reason; <c>.ci/run</c> sets
/// <c>KIRIWAKE_REQUIRE_SHARED=1</c>, and then the test is never skipped, so a missing ../shared fails loudly.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
internal sealed class SharedFactAttribute : FactAttribute
{
    public SharedFactAttribute()
    {
        Skip = SharedFolder.SkipReason;
    }
}

/// <summary>A theory that reads ../shared; skipped the same way as <see cref="SharedFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
internal sealed class SharedTheoryAttribute : TheoryAttribute
{
    public SharedTheoryAttribute()
    {
        Skip = SharedFolder.SkipReason;
    }
}

/// <summary>Whether ../shared is there, and why a test that needs it is skipped when it is not.</summary>
internal static class SharedFolder
{
    /// <summary>The environment variable that forbids the skip (set by .ci/run, where ../shared must exist).</summary>
    public const string RequireVariable = "KIRIWAKE_REQUIRE_SHARED";

    /// <summary>Null when the test must run: ../shared exists, or the run requires it.</summary>
    public static string? SkipReason { get; } = FindSkipReason();

    private static string? FindSkipReason()
    {
        if (Directory.Exists(Path.Combine(RepoPaths.Shared, "seeds")))
        {
            return null;
        }

        return Environment.GetEnvironmentVariable(RequireVariable) == "1"
            ? null
            : $"needs ../shared (the seed documents and sample backups beside the repository), which is absent at {RepoPaths.Shared}";
    }
}
