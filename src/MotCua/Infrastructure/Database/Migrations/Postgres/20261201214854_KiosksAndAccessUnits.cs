using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Infrastructure.Database.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class KiosksAndAccessUnits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "UnitId",
                table: "citizens_access_log",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "queue_booking_code",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CodeHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    UsedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_queue_booking_code", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "queue_kiosk",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OfficeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    KeyHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    IssuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    IssuedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    RevokedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_queue_kiosk", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_queue_appointment_Phone_Day",
                table: "queue_appointment",
                columns: new[] { "Phone", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_queue_booking_code_Phone_CreatedAt",
                table: "queue_booking_code",
                columns: new[] { "Phone", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_queue_kiosk_KeyHash",
                table: "queue_kiosk",
                column: "KeyHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_queue_kiosk_OfficeId",
                table: "queue_kiosk",
                column: "OfficeId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "queue_booking_code");

            migrationBuilder.DropTable(
                name: "queue_kiosk");

            migrationBuilder.DropIndex(
                name: "IX_queue_appointment_Phone_Day",
                table: "queue_appointment");

            migrationBuilder.DropColumn(
                name: "UnitId",
                table: "citizens_access_log");
        }
    }
}
