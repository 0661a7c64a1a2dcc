using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseDesk.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class EmailOrigin : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Mailbox",
                table: "EmailEnquiries",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "MessageId",
                table: "EmailEnquiries",
                type: "character varying(998)",
                maxLength: 998,
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "ThreadReferences",
                table: "EmailEnquiries",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true,
                collation: "C");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Mailbox",
                table: "EmailEnquiries");

            migrationBuilder.DropColumn(
                name: "MessageId",
                table: "EmailEnquiries");

            migrationBuilder.DropColumn(
                name: "ThreadReferences",
                table: "EmailEnquiries");
        }
    }
}
