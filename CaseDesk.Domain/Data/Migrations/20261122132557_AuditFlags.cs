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
                // Append-only: no row is deleted and nothing is rewritten. The one change allowed is the retention job's
                // (docs/privacy.md): clearing a row's free-text reason and its list of clients shown, once the audit
                // log's retention period has passed. Who, when, what and which record stay for good.
                migrationBuilder.Sql("""
                    CREATE TRIGGER AuditEntries_NoUpdate BEFORE UPDATE ON AuditEntries
                    WHEN NOT (NEW.Id IS OLD.Id AND NEW.AtUtc IS OLD.AtUtc AND NEW.UserId IS OLD.UserId AND NEW.UserName IS OLD.UserName
                        AND NEW.Action IS OLD.Action AND NEW.Kind IS OLD.Kind AND NEW.EntityType IS OLD.EntityType AND NEW.EntityId IS OLD.EntityId
                        AND NEW.OutsideUnit IS OLD.OutsideUnit
                        AND (NEW.Fields IS OLD.Fields OR NEW.Fields IS NULL) AND (NEW.Reason IS OLD.Reason OR NEW.Reason IS NULL))
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
