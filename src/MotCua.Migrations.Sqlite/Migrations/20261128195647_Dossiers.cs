using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Dossiers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "dossiers_dossier",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OfficeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OfficeCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    ProcedureVersionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProcedureCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ProcedureName = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    LegalWorkingDays = table.Column<int>(type: "INTEGER", nullable: false),
                    SameDay = table.Column<bool>(type: "INTEGER", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    CitizenId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ApplicantIdNumber = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    ApplicantName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ApplicantDateOfBirth = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ApplicantAddress = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ApplicantPhone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    ApplicantEmail = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    documents = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dossiers_dossier", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "dossiers_idempotency",
                columns: table => new
                {
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DossierId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dossiers_idempotency", x => new { x.AccountId, x.Key });
                });

            migrationBuilder.CreateTable(
                name: "dossiers_sequence",
                columns: table => new
                {
                    OfficeCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Last = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dossiers_sequence", x => new { x.OfficeCode, x.Day });
                });

            migrationBuilder.CreateTable(
                name: "dossiers_event",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DossierId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Seq = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    FromStep = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ToStep = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    PreviousHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dossiers_event", x => x.Id);
                    table.ForeignKey(
                        name: "FK_dossiers_event_dossiers_dossier_DossierId",
                        column: x => x.DossierId,
                        principalTable: "dossiers_dossier",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_dossiers_dossier_CitizenId",
                table: "dossiers_dossier",
                column: "CitizenId");

            migrationBuilder.CreateIndex(
                name: "IX_dossiers_dossier_Code",
                table: "dossiers_dossier",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_dossiers_dossier_OfficeId_ReceivedAt",
                table: "dossiers_dossier",
                columns: new[] { "OfficeId", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_dossiers_dossier_OfficeId_Status_DueAt",
                table: "dossiers_dossier",
                columns: new[] { "OfficeId", "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_dossiers_event_DossierId_Seq",
                table: "dossiers_event",
                columns: new[] { "DossierId", "Seq" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dossiers_event");

            migrationBuilder.DropTable(
                name: "dossiers_idempotency");

            migrationBuilder.DropTable(
                name: "dossiers_sequence");

            migrationBuilder.DropTable(
                name: "dossiers_dossier");
        }
    }
}
