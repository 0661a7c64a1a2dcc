using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseDesk.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class Incidents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Incidents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<int>(type: "INTEGER", nullable: false),
                    Touchpoint = table.Column<int>(type: "INTEGER", nullable: true),
                    Commitments = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    OccurredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    WhatHappened = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    HowHandled = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ComplaintId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ContactId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedByUserId = table.Column<string>(type: "TEXT", nullable: false),
                    PeriodShiftDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Incidents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Incidents_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Incidents_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Incidents_Complaints_ComplaintId",
                        column: x => x.ComplaintId,
                        principalTable: "Complaints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Incidents_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SessionPacks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Questions = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedByUserId = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SessionPacks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IncidentPeople",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    IncidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Role = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: true),
                    UserId = table.Column<string>(type: "TEXT", nullable: true),
                    Pseudonym = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncidentPeople", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IncidentPeople_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IncidentRedactions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    IncidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Original = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Replacement = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncidentRedactions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IncidentRedactions_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TrainingCopies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    IncidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<int>(type: "INTEGER", nullable: false),
                    Touchpoint = table.Column<int>(type: "INTEGER", nullable: true),
                    Commitments = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Situation = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Handling = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EditedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EditedByUserId = table.Column<string>(type: "TEXT", nullable: true),
                    ReleasedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReleasedByUserId = table.Column<string>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingCopies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrainingCopies_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SessionPackItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PackId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    CopyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Questions = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SessionPackItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SessionPackItems_SessionPacks_PackId",
                        column: x => x.PackId,
                        principalTable: "SessionPacks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SessionPackItems_TrainingCopies_CopyId",
                        column: x => x.CopyId,
                        principalTable: "TrainingCopies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IncidentPeople_Incident",
                table: "IncidentPeople",
                column: "IncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_IncidentRedactions_Incident",
                table: "IncidentRedactions",
                column: "IncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_CaseId",
                table: "Incidents",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_ClientId",
                table: "Incidents",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_ComplaintId",
                table: "Incidents",
                column: "ComplaintId");

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_ContactId",
                table: "Incidents",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_Recorded",
                table: "Incidents",
                column: "RecordedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_SessionPackItems_CopyId",
                table: "SessionPackItems",
                column: "CopyId");

            migrationBuilder.CreateIndex(
                name: "IX_SessionPackItems_Pack_Position",
                table: "SessionPackItems",
                columns: new[] { "PackId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_SessionPacks_Updated",
                table: "SessionPacks",
                column: "UpdatedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingCopies_Status_Released",
                table: "TrainingCopies",
                columns: new[] { "Status", "ReleasedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "UX_TrainingCopies_Incident",
                table: "TrainingCopies",
                column: "IncidentId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IncidentPeople");

            migrationBuilder.DropTable(
                name: "IncidentRedactions");

            migrationBuilder.DropTable(
                name: "SessionPackItems");

            migrationBuilder.DropTable(
                name: "SessionPacks");

            migrationBuilder.DropTable(
                name: "TrainingCopies");

            migrationBuilder.DropTable(
                name: "Incidents");
        }
    }
}
