using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Infrastructure.Database.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class NationalSync : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "nationalsync_message",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DossierId = table.Column<Guid>(type: "uuid", nullable: false),
                    DossierCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    OfficeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Seq = table.Column<int>(type: "integer", nullable: false),
                    Payload = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    NextAttemptAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    ClaimedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    LockedUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastAttemptAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Held = table.Column<bool>(type: "boolean", nullable: false),
                    LastError = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_nationalsync_message", x => x.Id);
                    table.ForeignKey(
                        name: "FK_nationalsync_message_dossiers_dossier_DossierId",
                        column: x => x.DossierId,
                        principalTable: "dossiers_dossier",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "nationalsync_sandbox_record",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Seq = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    OutOfOrder = table.Column<bool>(type: "boolean", nullable: false),
                    Payload = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_nationalsync_sandbox_record", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_nationalsync_message_ClaimedBy",
                table: "nationalsync_message",
                column: "ClaimedBy");

            migrationBuilder.CreateIndex(
                name: "IX_nationalsync_message_DossierId_Seq",
                table: "nationalsync_message",
                columns: new[] { "DossierId", "Seq" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_nationalsync_message_failing",
                table: "nationalsync_message",
                columns: new[] { "OfficeId", "LastAttemptAt" },
                filter: "\"SentAt\" IS NULL AND \"LastError\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_nationalsync_message_pending",
                table: "nationalsync_message",
                column: "NextAttemptAt",
                filter: "\"SentAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_nationalsync_sandbox_record_Code_Seq",
                table: "nationalsync_sandbox_record",
                columns: new[] { "Code", "Seq" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "nationalsync_message");

            migrationBuilder.DropTable(
                name: "nationalsync_sandbox_record");
        }
    }
}
