using Kiriwake.Web.Helpdesk.Accounts;
using Kiriwake.Web.Helpdesk.Audit;
using Kiriwake.Web.Helpdesk.Cases;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Kiriwake.Web.Helpdesk.Store;

/// <summary>
/// The helpdesk's tables, in the same database as the sessions but with their own migrations and migrations
/// history (<see cref="MigrationsHistoryTable"/>): Identity's accounts and roles, the Data Protection keys every
/// server shares, and the append-only audit table.
/// </summary>
public abstract class HelpdeskContext(DbContextOptions options) : IdentityDbContext<HelpdeskUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    public const string MigrationsHistoryTable = "__helpdesk_migrations";

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public DbSet<HelpdeskCase> Cases => Set<HelpdeskCase>();

    public DbSet<ConsentRecord> Consents => Set<ConsentRecord>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);
        builder.Entity<HelpdeskUser>().ToTable("helpdesk_users");
        builder.Entity<IdentityRole>().ToTable("helpdesk_roles");
        builder.Entity<IdentityUserRole<string>>().ToTable("helpdesk_user_roles");
        builder.Entity<IdentityUserClaim<string>>().ToTable("helpdesk_user_claims");
        builder.Entity<IdentityUserLogin<string>>().ToTable("helpdesk_user_logins");
        builder.Entity<IdentityUserToken<string>>().ToTable("helpdesk_user_tokens");
        builder.Entity<IdentityRoleClaim<string>>().ToTable("helpdesk_role_claims");
        builder.Entity<DataProtectionKey>().ToTable("data_protection_keys");
        builder.Entity<AuditEvent>(e =>
        {
            e.ToTable("audit_events");
            e.HasKey(a => a.Seq);
            e.Property(a => a.Seq).HasColumnName("seq").ValueGeneratedNever();
            e.Property(a => a.At).HasColumnName("at");
            e.Property(a => a.Actor).HasColumnName("actor").HasMaxLength(256);
            e.Property(a => a.Action).HasColumnName("action").HasMaxLength(64);
            e.Property(a => a.CaseCode).HasColumnName("case_code").HasMaxLength(32);
            e.Property(a => a.Detail).HasColumnName("detail");
            e.Property(a => a.PrevHash).HasColumnName("prev_hash").HasMaxLength(64).IsFixedLength();
            e.Property(a => a.Hash).HasColumnName("hash").HasMaxLength(64).IsFixedLength();
            e.HasIndex(a => a.CaseCode);
        });
        CaseModel.Configure(builder);
    }
}

/// <summary>The helpdesk on the default SQLite store.</summary>
public sealed class SqliteHelpdeskContext(DbContextOptions<SqliteHelpdeskContext> options) : HelpdeskContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        // SQLite cannot order or compare DateTimeOffset columns: exact UTC ticks instead (EF's binary converter
        // drops precision, which would break the audit hashes).
        var utcTicks = new ValueConverter<DateTimeOffset, long>(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
        foreach (var entity in builder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties().Where(p => p.ClrType == typeof(DateTimeOffset) || p.ClrType == typeof(DateTimeOffset?)))
            {
                property.SetValueConverter(utcTicks);
            }
        }
    }
}

/// <summary>The helpdesk on PostgreSQL, shared by several servers.</summary>
public sealed class PostgresHelpdeskContext(DbContextOptions<PostgresHelpdeskContext> options) : HelpdeskContext(options);
