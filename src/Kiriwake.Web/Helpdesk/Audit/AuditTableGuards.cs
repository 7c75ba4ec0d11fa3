namespace Kiriwake.Web.Helpdesk.Audit;

/// <summary>
/// The database's own refusal to change the audit table, installed by the helpdesk's first migration on each
/// provider. PostgreSQL: a trigger raising on UPDATE, DELETE and TRUNCATE, and those privileges revoked from
/// everyone including the owner (only a superuser can get round both). SQLite: BEFORE UPDATE/DELETE triggers that
/// abort the statement.
/// </summary>
public static class AuditTableGuards
{
    public const string PostgresInstall = """
        CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
        END
        $$;
        CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events
          FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
        CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
          FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
        REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM PUBLIC;
        REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM CURRENT_USER;
        """;

    public const string PostgresRemove = """
        DROP TRIGGER IF EXISTS audit_events_no_truncate ON audit_events;
        DROP TRIGGER IF EXISTS audit_events_no_change ON audit_events;
        DROP FUNCTION IF EXISTS audit_events_append_only();
        """;

    public const string SqliteInstall = """
        CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
        BEGIN SELECT RAISE(ABORT, 'audit_events is append-only: UPDATE is not allowed'); END;
        CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
        BEGIN SELECT RAISE(ABORT, 'audit_events is append-only: DELETE is not allowed'); END;
        """;

    public const string SqliteRemove = """
        DROP TRIGGER IF EXISTS audit_events_no_update;
        DROP TRIGGER IF EXISTS audit_events_no_delete;
        """;
}
