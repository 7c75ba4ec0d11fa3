using Microsoft.EntityFrameworkCore;

namespace Kiriwake.Web.Helpdesk.Cases;

/// <summary>The tables of cases and consent records (snake_case, like the audit table).</summary>
internal static class CaseModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<HelpdeskCase>(e =>
        {
            e.ToTable("helpdesk_cases");
            e.HasKey(c => c.Code);
            e.Property(c => c.Code).HasColumnName("code").HasMaxLength(CaseCodes.Length);
            e.Property(c => c.SessionId).HasColumnName("session_id").HasMaxLength(64);
            e.Property(c => c.SymptomId).HasColumnName("symptom_id").HasMaxLength(128);
            e.Property(c => c.Language).HasColumnName("language").HasMaxLength(8);
            e.Property(c => c.Status).HasColumnName("status").HasMaxLength(16);
            e.Property(c => c.CreatedAt).HasColumnName("created_at");
            e.Property(c => c.UpdatedAt).HasColumnName("updated_at");
            e.Property(c => c.ClosedAt).HasColumnName("closed_at");
            e.Property(c => c.ClosedBy).HasColumnName("closed_by").HasMaxLength(256);
            e.Property(c => c.Outcome).HasColumnName("outcome").HasMaxLength(16);
            e.Property(c => c.ResolvedBy).HasColumnName("resolved_by").HasMaxLength(128);
            e.Property(c => c.ConfirmedCause).HasColumnName("confirmed_cause").HasMaxLength(128);
            e.Property(c => c.EscalatedTo).HasColumnName("escalated_to").HasMaxLength(32);
            e.Property(c => c.Acceptance).HasColumnName("acceptance");
            e.Property(c => c.Log).HasColumnName("log");
            e.Property(c => c.Report).HasColumnName("report");
            e.HasIndex(c => c.SessionId).IsUnique();
            e.HasIndex(c => new { c.Status, c.UpdatedAt });
        });
        builder.Entity<ConsentRecord>(e =>
        {
            e.ToTable("helpdesk_consents");
            e.HasKey(c => c.Id);
            e.Property(c => c.Id).HasColumnName("id");
            e.Property(c => c.CaseCode).HasColumnName("case_code").HasMaxLength(CaseCodes.Length);
            e.Property(c => c.ConsentedBy).HasColumnName("consented_by").HasMaxLength(200);
            e.Property(c => c.ConsentedAt).HasColumnName("consented_at");
            e.Property(c => c.Scope).HasColumnName("scope").HasMaxLength(2000);
            e.Property(c => c.Steps).HasColumnName("steps").HasMaxLength(2000);
            e.Property(c => c.Method).HasColumnName("method").HasMaxLength(16);
            e.Property(c => c.RecordedBy).HasColumnName("recorded_by").HasMaxLength(256);
            e.Property(c => c.RecordedAt).HasColumnName("recorded_at");
            e.HasIndex(c => c.CaseCode);
            e.HasOne<HelpdeskCase>().WithMany().HasForeignKey(c => c.CaseCode).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
