using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseDesk.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class AuditFlags : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "OutsideUnit",
                table: "AuditEntries",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_OutsideUnit",
                table: "AuditEntries",
                columns: new[] { "OutsideUnit", "Id" });

            // The audit log is append-only: the database itself refuses to change or remove a row, whoever asks.
            if (migrationBuilder.ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
            {
                migrationBuilder.Sql("""
                    CREATE TRIGGER AuditEntries_NoUpdate BEFORE UPDATE ON AuditEntries
                    BEGIN SELECT RAISE(ABORT, 'The audit log is append-only: rows cannot be changed.'); END;
                    """);
                migrationBuilder.Sql("""
                    CREATE TRIGGER AuditEntries_NoDelete BEFORE DELETE ON AuditEntries
                    BEGIN SELECT RAISE(ABORT, 'The audit log is append-only: rows cannot be deleted.'); END;
                    """);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            if (migrationBuilder.ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
            {
                migrationBuilder.Sql("DROP TRIGGER IF EXISTS AuditEntries_NoUpdate;");
                migrationBuilder.Sql("DROP TRIGGER IF EXISTS AuditEntries_NoDelete;");
            }

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_OutsideUnit",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "OutsideUnit",
                table: "AuditEntries");
        }
    }
}
