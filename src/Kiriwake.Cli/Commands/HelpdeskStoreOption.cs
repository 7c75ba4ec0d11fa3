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

    /// <summary>What a helpdesk command says when the store cannot be read (the database's own words after it).</summary>
    public static string CannotRead(StoreConnection connection, Exception error, bool ja) => ja
        ? $"保存先 {connection.Describe()} を読めません: {error.Message}"
        : $"Cannot read the store {connection.Describe()}: {error.Message}";
}
