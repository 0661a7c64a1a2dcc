using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseDesk.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class CorrectiveActionWithdrawal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CorrectiveActions_ToVerify",
                table: "CorrectiveActions");

            migrationBuilder.AddColumn<string>(
                name: "WithdrawalReason",
                table: "CorrectiveActions",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "WithdrawnAtUtc",
                table: "CorrectiveActions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WithdrawnByUserId",
                table: "CorrectiveActions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "WithdrawnActionId",
                table: "ComplaintSteps",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_CorrectiveActions_ToVerify",
                table: "CorrectiveActions",
                column: "DeadlineUtc",
                filter: "(\"VerifiedAtUtc\" IS NULL OR \"Result\" = 2) AND \"WithdrawnAtUtc\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CorrectiveActions_ToVerify",
                table: "CorrectiveActions");

            migrationBuilder.DropColumn(
                name: "WithdrawalReason",
                table: "CorrectiveActions");

            migrationBuilder.DropColumn(
                name: "WithdrawnAtUtc",
                table: "CorrectiveActions");

            migrationBuilder.DropColumn(
                name: "WithdrawnByUserId",
                table: "CorrectiveActions");

            migrationBuilder.DropColumn(
                name: "WithdrawnActionId",
                table: "ComplaintSteps");

            migrationBuilder.CreateIndex(
                name: "IX_CorrectiveActions_ToVerify",
                table: "CorrectiveActions",
                column: "DeadlineUtc",
                filter: "\"VerifiedAtUtc\" IS NULL OR \"Result\" = 2");
        }
    }
}
