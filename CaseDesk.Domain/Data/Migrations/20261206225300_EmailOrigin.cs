using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseDesk.Domain.Data.Migrations
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
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MessageId",
                table: "EmailEnquiries",
                type: "TEXT",
                maxLength: 998,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ThreadReferences",
                table: "EmailEnquiries",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);
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
