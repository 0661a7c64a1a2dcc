using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseDesk.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class IncomingMail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EmailAttachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EmailEnquiryId = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false, collation: "C"),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    SizeBytes = table.Column<long>(type: "bigint", nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: true),
                    NotKept = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmailAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EmailAttachments_EmailEnquiries_EmailEnquiryId",
                        column: x => x.EmailEnquiryId,
                        principalTable: "EmailEnquiries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IncomingEmails",
                columns: table => new
                {
                    EmailEnquiryId = table.Column<Guid>(type: "uuid", nullable: false),
                    Mailbox = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    UidValidity = table.Column<long>(type: "bigint", nullable: false),
                    Uid = table.Column<long>(type: "bigint", nullable: false),
                    MessageId = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false, collation: "C"),
                    ArrivedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SentAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReplyToAddress = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true, collation: "C"),
                    VerificationFailure = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true, collation: "C"),
                    BodyCut = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncomingEmails", x => x.EmailEnquiryId);
                    table.ForeignKey(
                        name: "FK_IncomingEmails_EmailEnquiries_EmailEnquiryId",
                        column: x => x.EmailEnquiryId,
                        principalTable: "EmailEnquiries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MailboxCursors",
                columns: table => new
                {
                    Mailbox = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    UidValidity = table.Column<long>(type: "bigint", nullable: false),
                    LastUid = table.Column<long>(type: "bigint", nullable: false),
                    LastCheckedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastSuccessAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MailboxCursors", x => x.Mailbox);
                });

            migrationBuilder.CreateTable(
                name: "SetAsideMail",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Mailbox = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    UidValidity = table.Column<long>(type: "bigint", nullable: false),
                    Uid = table.Column<long>(type: "bigint", nullable: false),
                    MessageId = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true, collation: "C"),
                    From = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true, collation: "C"),
                    Subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true, collation: "C"),
                    ArrivedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SetAsideAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Reason = table.Column<int>(type: "integer", nullable: false),
                    Detail = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true, collation: "C"),
                    Raw = table.Column<byte[]>(type: "bytea", nullable: false),
                    RawSize = table.Column<long>(type: "bigint", nullable: false),
                    EmailEnquiryId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SetAsideMail", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EmailAttachments_Email",
                table: "EmailAttachments",
                column: "EmailEnquiryId");

            migrationBuilder.CreateIndex(
                name: "UX_IncomingEmails_MessageId",
                table: "IncomingEmails",
                column: "MessageId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SetAsideMail_When",
                table: "SetAsideMail",
                column: "SetAsideAtUtc");

            migrationBuilder.CreateIndex(
                name: "UX_SetAsideMail_Message",
                table: "SetAsideMail",
                columns: new[] { "Mailbox", "UidValidity", "Uid", "Reason" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EmailAttachments");

            migrationBuilder.DropTable(
                name: "IncomingEmails");

            migrationBuilder.DropTable(
                name: "MailboxCursors");

            migrationBuilder.DropTable(
                name: "SetAsideMail");
        }
    }
}
