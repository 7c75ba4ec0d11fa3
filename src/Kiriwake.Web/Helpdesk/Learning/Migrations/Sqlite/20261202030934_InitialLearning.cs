using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kiriwake.Web.Helpdesk.Learning.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InitialLearning : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "learned_overlays",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    knowledge_version = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    source_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    cases = table.Column<int>(type: "INTEGER", nullable: false),
                    overlay = table.Column<string>(type: "TEXT", nullable: false),
                    decided_at = table.Column<long>(type: "INTEGER", nullable: true),
                    decided_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_learned_overlays", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_learned_overlays_status",
                table: "learned_overlays",
                column: "status");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "learned_overlays");
        }
    }
}
