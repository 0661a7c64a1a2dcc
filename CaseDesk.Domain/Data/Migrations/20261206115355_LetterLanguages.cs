using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseDesk.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class LetterLanguages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "UX_LetterTemplates_Code",
                table: "LetterTemplates");

            migrationBuilder.AddColumn<int>(
                name: "Language",
                table: "LetterTemplates",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "Language",
                table: "InformationLetters",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.CreateIndex(
                name: "UX_LetterTemplates_Code_Language",
                table: "LetterTemplates",
                columns: new[] { "Code", "Language" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "UX_LetterTemplates_Code_Language",
                table: "LetterTemplates");

            migrationBuilder.DropColumn(
                name: "Language",
                table: "LetterTemplates");

            migrationBuilder.DropColumn(
                name: "Language",
                table: "InformationLetters");

            migrationBuilder.CreateIndex(
                name: "UX_LetterTemplates_Code",
                table: "LetterTemplates",
                column: "Code",
                unique: true);
        }
    }
}
