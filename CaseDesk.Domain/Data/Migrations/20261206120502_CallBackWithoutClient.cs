using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseDesk.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class CallBackWithoutClient : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "CallBackOccurredAtUtc",
                table: "PhoneMessages",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CallBackSummary",
                table: "PhoneMessages",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CalledBackWho",
                table: "PhoneMessages",
                type: "TEXT",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CallBackOccurredAtUtc",
                table: "PhoneMessages");

            migrationBuilder.DropColumn(
                name: "CallBackSummary",
                table: "PhoneMessages");

            migrationBuilder.DropColumn(
                name: "CalledBackWho",
                table: "PhoneMessages");
        }
    }
}
