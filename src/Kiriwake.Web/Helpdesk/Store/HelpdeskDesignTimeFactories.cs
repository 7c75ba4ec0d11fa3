using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Kiriwake.Web.Helpdesk.Store;

/// <summary>For `dotnet ef migrations add … --context SqliteHelpdeskContext` (no database is opened).</summary>
internal sealed class SqliteHelpdeskDesignTimeFactory : IDesignTimeDbContextFactory<SqliteHelpdeskContext>
{
    public SqliteHelpdeskContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<SqliteHelpdeskContext>()
        .UseSqlite("Data Source=design.db", s => s.MigrationsHistoryTable(HelpdeskContext.MigrationsHistoryTable)).Options);
}

/// <summary>For `dotnet ef migrations add … --context PostgresHelpdeskContext` (no database is opened).</summary>
internal sealed class PostgresHelpdeskDesignTimeFactory : IDesignTimeDbContextFactory<PostgresHelpdeskContext>
{
    public PostgresHelpdeskContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<PostgresHelpdeskContext>()
        .UseNpgsql("Host=localhost;Database=kiriwake", n => n.MigrationsHistoryTable(HelpdeskContext.MigrationsHistoryTable)).Options);
}
