using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Kiriwake.Web.Helpdesk.Learning;

/// <summary>For `dotnet ef migrations add … --context SqliteLearningContext` (no database is opened).</summary>
internal sealed class SqliteLearningDesignTimeFactory : IDesignTimeDbContextFactory<SqliteLearningContext>
{
    public SqliteLearningContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<SqliteLearningContext>()
        .UseSqlite("Data Source=design.db", s => s.MigrationsHistoryTable(LearningContext.MigrationsHistoryTable)).Options);
}

/// <summary>For `dotnet ef migrations add … --context PostgresLearningContext` (no database is opened).</summary>
internal sealed class PostgresLearningDesignTimeFactory : IDesignTimeDbContextFactory<PostgresLearningContext>
{
    public PostgresLearningContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<PostgresLearningContext>()
        .UseNpgsql("Host=localhost;Database=kiriwake", n => n.MigrationsHistoryTable(LearningContext.MigrationsHistoryTable)).Options);
}
