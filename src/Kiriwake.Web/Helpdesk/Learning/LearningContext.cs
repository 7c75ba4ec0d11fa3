using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Kiriwake.Web.Helpdesk.Learning;

/// <summary>
/// The learned overlays (<see cref="LearnedOverlayRow"/>), in the same database as the sessions and the helpdesk but
/// with their own migrations and migrations history (<see cref="MigrationsHistoryTable"/>).
/// </summary>
public abstract class LearningContext(DbContextOptions options) : DbContext(options)
{
    public const string MigrationsHistoryTable = "__learning_migrations";

    public DbSet<LearnedOverlayRow> Overlays => Set<LearnedOverlayRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<LearnedOverlayRow>(e =>
        {
            e.ToTable("learned_overlays");
            e.HasKey(o => o.Id);
            e.Property(o => o.Id).HasColumnName("id");
            e.Property(o => o.Status).HasColumnName("status").HasMaxLength(16);
            e.Property(o => o.CreatedAt).HasColumnName("created_at");
            e.Property(o => o.CreatedBy).HasColumnName("created_by").HasMaxLength(256);
            e.Property(o => o.KnowledgeVersion).HasColumnName("knowledge_version").HasMaxLength(64);
            e.Property(o => o.SourceName).HasColumnName("source_name").HasMaxLength(256);
            e.Property(o => o.Cases).HasColumnName("cases");
            e.Property(o => o.Overlay).HasColumnName("overlay");
            e.Property(o => o.DecidedAt).HasColumnName("decided_at");
            e.Property(o => o.DecidedBy).HasColumnName("decided_by").HasMaxLength(256);
            e.HasIndex(o => o.Status);
        });
    }
}

/// <summary>The learned overlays on the default SQLite store.</summary>
public sealed class SqliteLearningContext(DbContextOptions<SqliteLearningContext> options) : LearningContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        // SQLite cannot order or compare DateTimeOffset columns: UTC ticks instead.
        var utcTicks = new ValueConverter<DateTimeOffset, long>(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetProperties())
                     .Where(p => p.ClrType == typeof(DateTimeOffset) || p.ClrType == typeof(DateTimeOffset?)))
        {
            property.SetValueConverter(utcTicks);
        }
    }
}

/// <summary>The learned overlays on PostgreSQL (`serve --store postgres://…`).</summary>
public sealed class PostgresLearningContext(DbContextOptions<PostgresLearningContext> options) : LearningContext(options);
