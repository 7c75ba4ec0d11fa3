namespace Kiriwake.Tests.Postgres;

/// <summary>
/// A test on a real PostgreSQL 15. Skipped with a reason when Debian's binaries are absent — unless
/// KIRIWAKE_REQUIRE_POSTGRES=1 (set by .ci/run), which makes the test run and fail instead, so CI cannot pass
/// without them.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (!BinariesFound && Environment.GetEnvironmentVariable("KIRIWAKE_REQUIRE_POSTGRES") != "1")
        {
            Skip = "PostgreSQL 15 binaries (initdb, pg_ctl) not found: install Debian's postgresql-15 to run this test";
        }
    }

    public static bool BinariesFound { get; } = Find();

    private static bool Find()
    {
        if (File.Exists("/usr/lib/postgresql/15/bin/pg_ctl") && File.Exists("/usr/lib/postgresql/15/bin/initdb"))
        {
            return true;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator).Any(d => File.Exists(Path.Combine(d, "pg_ctl")) && File.Exists(Path.Combine(d, "initdb")));
    }
}
