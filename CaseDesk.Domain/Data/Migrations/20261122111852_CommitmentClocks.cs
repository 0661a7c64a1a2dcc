using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseDesk.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class CommitmentClocks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Closures",
                columns: table => new
                {
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Closures", x => x.Date);
                });

            migrationBuilder.CreateTable(
                name: "CommitmentTargets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Unit = table.Column<int>(type: "INTEGER", nullable: false),
                    AtRiskPercent = table.Column<int>(type: "INTEGER", nullable: false),
                    Commitment = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    Touchpoint = table.Column<int>(type: "INTEGER", nullable: true),
                    EffectiveFromUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SetByUserId = table.Column<string>(type: "TEXT", nullable: false),
                    SetAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommitmentTargets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Notifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Link = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    ClockId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReadAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OfficeDays",
                columns: table => new
                {
                    Day = table.Column<int>(type: "INTEGER", nullable: false),
                    Opens = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    Closes = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OfficeDays", x => x.Day);
                });

            migrationBuilder.CreateTable(
                name: "TargetReviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReviewedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ByUserId = table.Column<string>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TargetReviews", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ResponseClocks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    SubjectKind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerUserId = table.Column<string>(type: "TEXT", nullable: true),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Commitment = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    Touchpoint = table.Column<int>(type: "INTEGER", nullable: true),
                    TargetId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TargetMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    TargetUnit = table.Column<int>(type: "INTEGER", nullable: false),
                    AtRiskPercent = table.Column<int>(type: "INTEGER", nullable: false),
                    StartedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DueAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AtRiskAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    PausedSinceUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PauseReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    PausedMinutes = table.Column<double>(type: "REAL", nullable: false),
                    StoppedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ActualMinutes = table.Column<double>(type: "REAL", nullable: true),
                    MarginMinutes = table.Column<double>(type: "REAL", nullable: true),
                    BreachNotifiedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResponseClocks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResponseClocks_CommitmentTargets_TargetId",
                        column: x => x.TargetId,
                        principalTable: "CommitmentTargets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CommitmentTargets_Kind_Effective",
                table: "CommitmentTargets",
                columns: new[] { "Kind", "EffectiveFromUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_UnreadByUser",
                table: "Notifications",
                columns: new[] { "UserId", "CreatedAtUtc" },
                filter: "\"ReadAtUtc\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "UX_Notifications_Clock_User",
                table: "Notifications",
                columns: new[] { "ClockId", "UserId" },
                unique: true,
                filter: "\"ClockId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ResponseClocks_BreachSweep",
                table: "ResponseClocks",
                column: "DueAtUtc",
                filter: "\"State\" = 1 AND \"BreachNotifiedAtUtc\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ResponseClocks_Kind_Stopped",
                table: "ResponseClocks",
                columns: new[] { "Kind", "StoppedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ResponseClocks_OpenByOwner",
                table: "ResponseClocks",
                columns: new[] { "OwnerUserId", "DueAtUtc" },
                filter: "\"State\" IN (1, 2)");

            migrationBuilder.CreateIndex(
                name: "IX_ResponseClocks_Subject",
                table: "ResponseClocks",
                columns: new[] { "SubjectId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_ResponseClocks_TargetId",
                table: "ResponseClocks",
                column: "TargetId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Closures");

            migrationBuilder.DropTable(
                name: "Notifications");

            migrationBuilder.DropTable(
                name: "OfficeDays");

            migrationBuilder.DropTable(
                name: "ResponseClocks");

            migrationBuilder.DropTable(
                name: "TargetReviews");

            migrationBuilder.DropTable(
                name: "CommitmentTargets");
        }
    }
}
