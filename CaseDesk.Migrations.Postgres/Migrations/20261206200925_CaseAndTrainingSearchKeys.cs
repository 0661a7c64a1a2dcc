using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseDesk.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CaseAndTrainingSearchKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SearchKey",
                table: "TrainingCopies",
                type: "text",
                nullable: false,
                defaultValue: "",
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "ServiceKey",
                table: "Cases",
                type: "character varying(500)",
                maxLength: 500,
                nullable: false,
                defaultValue: "",
                collation: "C");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SearchKey",
                table: "TrainingCopies");

            migrationBuilder.DropColumn(
                name: "ServiceKey",
                table: "Cases");
        }
    }
}
