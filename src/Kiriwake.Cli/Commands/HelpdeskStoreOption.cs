using System.CommandLine;
using Kiriwake.Web.Store;

namespace Kiriwake.Cli.Commands;

/// <summary>The --store option of the helpdesk's commands: the same store `kiriwake serve --store` uses.</summary>
internal static class HelpdeskStoreOption
{
    public static Option<string?> Create() => new("--store")
    {
        Description = "The store: a SQLite file, or a PostgreSQL URL or connection string (default: KIRIWAKE_STORE, else the SQLite file in your data folder) / 保存先",
    };

    public static StoreConnection Resolve(string? value) =>
        StoreConnection.Parse(value ?? Environment.GetEnvironmentVariable("KIRIWAKE_STORE"), StoreConnection.DefaultSqliteFile());
}
