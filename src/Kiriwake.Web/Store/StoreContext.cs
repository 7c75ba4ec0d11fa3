using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Kiriwake.Web.Store;

/// <summary>
/// The web's database: sessions and their event logs. One model for both providers; each provider has its own
/// migrations (<see cref="SqliteStoreContext"/>, <see cref="PostgresStoreContext"/>). The helpdesk's accounts,
/// cases and audit table join this context later.
/// </summary>
public abstract class StoreContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<SessionRow> Sessions => Set<SessionRow>();

    /// <summary>A context on a connection already open by another context (see <see cref="SharedTransaction"/>).</summary>
    public static StoreContext On(DbConnection connection, StoreProvider provider) => provider == StoreProvider.Postgres
        ? new PostgresStoreContext(new DbContextOptionsBuilder<PostgresStoreContext>().UseNpgsql(connection).Options)
        : new SqliteStoreContext(new DbContextOptionsBuilder<SqliteStoreContext>().UseSqlite(connection).Options);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<SessionRow>(e =>
        {
            e.ToTable("sessions");
            e.HasKey(s => s.Id);
            e.Property(s => s.Id).HasMaxLength(32);
            e.Property(s => s.SymptomId).HasMaxLength(100);
            e.Property(s => s.Language).HasMaxLength(2);
            e.Property(s => s.EventCount).IsConcurrencyToken();
            e.HasIndex(s => s.ExpiresAt);
        });
    }
}

/// <summary>The default store: a SQLite file in the person's data folder.</summary>
public sealed class SqliteStoreContext(DbContextOptions<SqliteStoreContext> options) : StoreContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        // SQLite cannot order or compare DateTimeOffset columns; store them as UTC ticks.
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties().Where(p => p.ClrType == typeof(DateTimeOffset)))
            {
                property.SetValueConverter(new Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter());
            }
        }
    }
}

/// <summary>The server store: PostgreSQL, shared by several stateless web processes.</summary>
public sealed class PostgresStoreContext(DbContextOptions<PostgresStoreContext> options) : StoreContext(options);
