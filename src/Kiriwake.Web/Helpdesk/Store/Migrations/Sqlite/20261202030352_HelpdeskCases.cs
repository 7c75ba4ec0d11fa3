using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kiriwake.Web.Helpdesk.Store.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class HelpdeskCases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "helpdesk_cases",
                columns: table => new
                {
                    code = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    session_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    symptom_id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    closed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    closed_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    resolved_by = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    confirmed_cause = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    escalated_to = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    acceptance = table.Column<string>(type: "TEXT", nullable: true),
                    log = table.Column<string>(type: "TEXT", nullable: false),
                    report = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_helpdesk_cases", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "helpdesk_consents",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    case_code = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    consented_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    consented_at = table.Column<long>(type: "INTEGER", nullable: false),
                    scope = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    steps = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    method = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_helpdesk_consents", x => x.id);
                    table.ForeignKey(
                        name: "FK_helpdesk_consents_helpdesk_cases_case_code",
                        column: x => x.case_code,
                        principalTable: "helpdesk_cases",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_cases_session_id",
                table: "helpdesk_cases",
                column: "session_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_cases_status_updated_at",
                table: "helpdesk_cases",
                columns: new[] { "status", "updated_at" });

            migrationBuilder.CreateIndex(
                name: "IX_helpdesk_consents_case_code",
                table: "helpdesk_consents",
                column: "case_code");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "helpdesk_consents");

            migrationBuilder.DropTable(
                name: "helpdesk_cases");
        }
    }
}
