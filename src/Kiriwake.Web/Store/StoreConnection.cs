namespace Kiriwake.Web.Store;

public enum StoreProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// What `--store` / KIRIWAKE_STORE names: a PostgreSQL URL or keyword connection string, or a SQLite file
/// (a path or "Data Source=…"). Nothing named: a SQLite file in the person's data folder.
/// </summary>
public sealed record StoreConnection(StoreProvider Provider, string ConnectionString)
{
    public static StoreConnection Parse(string? value, string defaultSqliteFile)
    {
        ArgumentNullException.ThrowIfNull(defaultSqliteFile);
        if (string.IsNullOrWhiteSpace(value))
        {
            return Sqlite(defaultSqliteFile);
        }

        var v = value.Trim();
        if (v.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || v.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return new StoreConnection(StoreProvider.Postgres, FromUrl(new Uri(v)));
        }

        if (v.Contains("Host=", StringComparison.OrdinalIgnoreCase))
        {
            return new StoreConnection(StoreProvider.Postgres, v);
        }

        if (v.StartsWith("Data Source=", StringComparison.OrdinalIgnoreCase))
        {
            return new StoreConnection(StoreProvider.Sqlite, v);
        }

        return Sqlite(v.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase) ? v["sqlite:".Length..] : v);
    }

    /// <summary>Where the person's sessions live by default: $XDG_DATA_HOME/kiriwake or the local application data folder.</summary>
    public static string DefaultSqliteFile()
    {
        var xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        var root = !string.IsNullOrEmpty(xdg) ? xdg : Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create);
        return Path.Combine(root, "kiriwake", "sessions.db");
    }

    /// <summary>What a person is shown: the SQLite file, or the PostgreSQL connection without its password.</summary>
    public string Describe() => Provider == StoreProvider.Sqlite
        ? new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(ConnectionString).DataSource
        : string.Join(';', ConnectionString.Split(';').Where(p => !p.TrimStart().StartsWith("Password", StringComparison.OrdinalIgnoreCase)));

    private static StoreConnection Sqlite(string file)
    {
        var full = Path.GetFullPath(file);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        return new StoreConnection(StoreProvider.Sqlite, $"Data Source={full};Pooling=True");
    }

    private static string FromUrl(Uri url)
    {
        var parts = new List<string> { $"Host={url.Host}" };
        if (url.Port > 0)
        {
            parts.Add($"Port={url.Port}");
        }

        var database = url.AbsolutePath.Trim('/');
        if (database.Length > 0)
        {
            parts.Add($"Database={Uri.UnescapeDataString(database)}");
        }

        if (url.UserInfo.Length > 0)
        {
            var user = url.UserInfo.Split(':', 2);
            parts.Add($"Username={Uri.UnescapeDataString(user[0])}");
            if (user.Length == 2)
            {
                parts.Add($"Password={Uri.UnescapeDataString(user[1])}");
            }
        }

        foreach (var pair in url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            if (kv.Length == 2)
            {
                parts.Add($"{Uri.UnescapeDataString(kv[0])}={Uri.UnescapeDataString(kv[1])}");
            }
        }

        return string.Join(';', parts);
    }
}
