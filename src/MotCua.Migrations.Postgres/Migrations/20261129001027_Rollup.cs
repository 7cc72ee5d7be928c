using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Rollup : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "reports_stale_day",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    MarkedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reports_stale_day", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "reports_unit_day",
                columns: table => new
                {
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    ProcedureCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Received = table.Column<int>(type: "integer", nullable: false),
                    Online = table.Column<int>(type: "integer", nullable: false),
                    Digitised = table.Column<int>(type: "integer", nullable: false),
                    Contactable = table.Column<int>(type: "integer", nullable: false),
                    Resolved = table.Column<int>(type: "integer", nullable: false),
                    Early = table.Column<int>(type: "integer", nullable: false),
                    OnTime = table.Column<int>(type: "integer", nullable: false),
                    Late = table.Column<int>(type: "integer", nullable: false),
                    SameDay = table.Column<int>(type: "integer", nullable: false),
                    ResolvedUnsatisfied = table.Column<int>(type: "integer", nullable: false),
                    Rated = table.Column<int>(type: "integer", nullable: false),
                    Unsatisfied = table.Column<int>(type: "integer", nullable: false),
                    CounterRated = table.Column<int>(type: "integer", nullable: false),
                    CounterUnsatisfied = table.Column<int>(type: "integer", nullable: false),
                    CounterPoints = table.Column<int>(type: "integer", nullable: false),
                    Disagreements = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reports_unit_day", x => new { x.UnitId, x.ProcedureCode, x.Day });
                });

            migrationBuilder.CreateIndex(
                name: "IX_reports_stale_day_Day",
                table: "reports_stale_day",
                column: "Day");

            migrationBuilder.CreateIndex(
                name: "IX_reports_unit_day_Day",
                table: "reports_unit_day",
                column: "Day");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "reports_stale_day");

            migrationBuilder.DropTable(
                name: "reports_unit_day");
        }
    }
}
