using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseDesk.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class ClientsCasesContacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AppSecrets",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AppSecrets", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "Clients",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FirstName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    LastName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    NameKey = table.Column<string>(type: "TEXT", maxLength: 201, nullable: false),
                    FirstNameKey = table.Column<string>(type: "TEXT", maxLength: 201, nullable: false),
                    PersonalCodeHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    PersonalCodeCipher = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    BirthDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    PhoneKey = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Language = table.Column<int>(type: "INTEGER", nullable: false),
                    LanguageNote = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AccessibilityNeeds = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    MeetWithTwoEmployees = table.Column<bool>(type: "INTEGER", nullable: false),
                    SafetyNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedByUserId = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Clients", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LetterTemplates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LetterTemplates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Cases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceRequested = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    AssignedToUserId = table.Column<string>(type: "TEXT", nullable: true),
                    OpenedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OpenedByUserId = table.Column<string>(type: "TEXT", nullable: false),
                    DueAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ServiceStartedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Outcome = table.Column<int>(type: "INTEGER", nullable: true),
                    OutcomeNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Cases_AspNetUsers_AssignedToUserId",
                        column: x => x.AssignedToUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Cases_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Cases_OrgUnits_UnitId",
                        column: x => x.UnitId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ClientGroupMemberships",
                columns: table => new
                {
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    GroupCode = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClientGroupMemberships", x => new { x.ClientId, x.GroupCode });
                    table.ForeignKey(
                        name: "FK_ClientGroupMemberships_ClientGroups_GroupCode",
                        column: x => x.GroupCode,
                        principalTable: "ClientGroups",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ClientGroupMemberships_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "HouseholdMembers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Relation = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    BirthYear = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HouseholdMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HouseholdMembers_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseStatusChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ByUserId = table.Column<string>(type: "TEXT", nullable: false),
                    From = table.Column<int>(type: "INTEGER", nullable: true),
                    To = table.Column<int>(type: "INTEGER", nullable: false),
                    AssignedToUserId = table.Column<string>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseStatusChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseStatusChanges_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Contacts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Touchpoint = table.Column<int>(type: "INTEGER", nullable: false),
                    Channel = table.Column<int>(type: "INTEGER", nullable: false),
                    Direction = table.Column<int>(type: "INTEGER", nullable: false),
                    OccurredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EmployeeUserId = table.Column<string>(type: "TEXT", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Discussed = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Decided = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Done = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    NextStep = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    NextMeetingAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    NextMeetingPlace = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    SourceKind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    SourceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Contacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Contacts_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Contacts_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Contacts_Touchpoints_Touchpoint",
                        column: x => x.Touchpoint,
                        principalTable: "Touchpoints",
                        principalColumn: "Number",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EmailEnquiries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReceivedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FromAddress = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    FromName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AssignedToUserId = table.Column<string>(type: "TEXT", nullable: true),
                    RegisteredByUserId = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    RepliedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RepliedByUserId = table.Column<string>(type: "TEXT", nullable: true),
                    ReplySubject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    ReplyBody = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    ReplySignature = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ReplyContactId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmailEnquiries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EmailEnquiries_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EmailEnquiries_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "HomeVisits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseworkerUserId = table.Column<string>(type: "TEXT", nullable: false),
                    SecondEmployeeUserId = table.Column<string>(type: "TEXT", nullable: true),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    IsInspection = table.Column<bool>(type: "INTEGER", nullable: false),
                    OfferedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OfferedByUserId = table.Column<string>(type: "TEXT", nullable: false),
                    AgreedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AgreedStartUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AgreedEndUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ArrivedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DepartedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CancelReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ContactId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HomeVisits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HomeVisits_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_HomeVisits_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InformationLetters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TemplateId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    RequestedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedByUserId = table.Column<string>(type: "TEXT", nullable: false),
                    SentAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Channel = table.Column<int>(type: "INTEGER", nullable: true),
                    SentContactId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InformationLetters", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InformationLetters_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InformationLetters_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InformationLetters_LetterTemplates_TemplateId",
                        column: x => x.TemplateId,
                        principalTable: "LetterTemplates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PhoneMessages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CalledAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CallerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Organisation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Position = table.Column<string>(type: "TEXT", maxLength: 150, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    AddresseeUserId = table.Column<string>(type: "TEXT", nullable: false),
                    TakenByUserId = table.Column<string>(type: "TEXT", nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CalledBackAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CallBackContactId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PhoneMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PhoneMessages_AspNetUsers_AddresseeUserId",
                        column: x => x.AddresseeUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PhoneMessages_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PhoneMessages_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Promises",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ContactId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    DueAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OwnerUserId = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DoneAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DoneByUserId = table.Column<string>(type: "TEXT", nullable: true),
                    DoneNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Promises", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Promises_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Promises_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Promises_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "VisitReschedules",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    VisitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ByUserId = table.Column<string>(type: "TEXT", nullable: false),
                    PreviousStartUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    NewStartUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ClientToldAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClientToldHow = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ToldBeforeAgreedTime = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VisitReschedules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VisitReschedules_HomeVisits_VisitId",
                        column: x => x.VisitId,
                        principalTable: "HomeVisits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_ClientId",
                table: "Cases",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_OpenByAssignee",
                table: "Cases",
                columns: new[] { "AssignedToUserId", "DueAtUtc" },
                filter: "\"Status\" <> 4");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Unit_Status_Due",
                table: "Cases",
                columns: new[] { "UnitId", "Status", "DueAtUtc" });

            migrationBuilder.CreateIndex(
                name: "UX_Cases_Number",
                table: "Cases",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CaseStatusChanges_Case_At",
                table: "CaseStatusChanges",
                columns: new[] { "CaseId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ClientGroupMemberships_GroupCode",
                table: "ClientGroupMemberships",
                column: "GroupCode");

            migrationBuilder.CreateIndex(
                name: "IX_Clients_FirstNameKey",
                table: "Clients",
                column: "FirstNameKey");

            migrationBuilder.CreateIndex(
                name: "IX_Clients_NameKey",
                table: "Clients",
                column: "NameKey");

            migrationBuilder.CreateIndex(
                name: "IX_Clients_PhoneKey",
                table: "Clients",
                column: "PhoneKey");

            migrationBuilder.CreateIndex(
                name: "UX_Clients_PersonalCodeHash",
                table: "Clients",
                column: "PersonalCodeHash",
                unique: true,
                filter: "\"PersonalCodeHash\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_Case_Occurred",
                table: "Contacts",
                columns: new[] { "CaseId", "OccurredAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_Client_Occurred",
                table: "Contacts",
                columns: new[] { "ClientId", "OccurredAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_Employee_Occurred",
                table: "Contacts",
                columns: new[] { "EmployeeUserId", "OccurredAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_Touchpoint",
                table: "Contacts",
                column: "Touchpoint");

            migrationBuilder.CreateIndex(
                name: "IX_EmailEnquiries_CaseId",
                table: "EmailEnquiries",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_EmailEnquiries_ClientId",
                table: "EmailEnquiries",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_EmailEnquiries_OpenByAssignee",
                table: "EmailEnquiries",
                columns: new[] { "AssignedToUserId", "ReceivedAtUtc" },
                filter: "\"Status\" <> 3");

            migrationBuilder.CreateIndex(
                name: "IX_EmailEnquiries_Status_Received",
                table: "EmailEnquiries",
                columns: new[] { "Status", "ReceivedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_HomeVisits_CaseId",
                table: "HomeVisits",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_HomeVisits_Caseworker_Start",
                table: "HomeVisits",
                columns: new[] { "CaseworkerUserId", "AgreedStartUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_HomeVisits_ClientId",
                table: "HomeVisits",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_HouseholdMembers_ClientId",
                table: "HouseholdMembers",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_InformationLetters_Case",
                table: "InformationLetters",
                columns: new[] { "CaseId", "CreatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_InformationLetters_ClientId",
                table: "InformationLetters",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_InformationLetters_TemplateId",
                table: "InformationLetters",
                column: "TemplateId");

            migrationBuilder.CreateIndex(
                name: "IX_InformationLetters_UnsentByAuthor",
                table: "InformationLetters",
                columns: new[] { "CreatedByUserId", "RequestedAtUtc" },
                filter: "\"SentAtUtc\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "UX_LetterTemplates_Code",
                table: "LetterTemplates",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PhoneMessages_CaseId",
                table: "PhoneMessages",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_PhoneMessages_ClientId",
                table: "PhoneMessages",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_PhoneMessages_OpenByAddressee",
                table: "PhoneMessages",
                columns: new[] { "AddresseeUserId", "CalledAtUtc" },
                filter: "\"CalledBackAtUtc\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Promises_CaseId",
                table: "Promises",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_Promises_ClientId",
                table: "Promises",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_Promises_ContactId",
                table: "Promises",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_Promises_OpenByOwner",
                table: "Promises",
                columns: new[] { "OwnerUserId", "DueAtUtc" },
                filter: "\"DoneAtUtc\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_VisitReschedules_VisitId",
                table: "VisitReschedules",
                column: "VisitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AppSecrets");

            migrationBuilder.DropTable(
                name: "CaseStatusChanges");

            migrationBuilder.DropTable(
                name: "ClientGroupMemberships");

            migrationBuilder.DropTable(
                name: "EmailEnquiries");

            migrationBuilder.DropTable(
                name: "HouseholdMembers");

            migrationBuilder.DropTable(
                name: "InformationLetters");

            migrationBuilder.DropTable(
                name: "PhoneMessages");

            migrationBuilder.DropTable(
                name: "Promises");

            migrationBuilder.DropTable(
                name: "VisitReschedules");

            migrationBuilder.DropTable(
                name: "LetterTemplates");

            migrationBuilder.DropTable(
                name: "Contacts");

            migrationBuilder.DropTable(
                name: "HomeVisits");

            migrationBuilder.DropTable(
                name: "Cases");

            migrationBuilder.DropTable(
                name: "Clients");
        }
    }
}
