using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Infrastructure.Database.Migrations.Sqlite
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DossierId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DossierCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OfficeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Seq = table.Column<int>(type: "INTEGER", nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    ClaimedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    LockedUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    LastAttemptAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Held = table.Column<bool>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Seq = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    OutOfOrder = table.Column<bool>(type: "INTEGER", nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false)
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
