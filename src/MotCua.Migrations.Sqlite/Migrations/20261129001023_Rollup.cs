using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Migrations.Sqlite.Migrations
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    MarkedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reports_stale_day", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "reports_unit_day",
                columns: table => new
                {
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ProcedureCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Received = table.Column<int>(type: "INTEGER", nullable: false),
                    Online = table.Column<int>(type: "INTEGER", nullable: false),
                    Digitised = table.Column<int>(type: "INTEGER", nullable: false),
                    Contactable = table.Column<int>(type: "INTEGER", nullable: false),
                    Resolved = table.Column<int>(type: "INTEGER", nullable: false),
                    Early = table.Column<int>(type: "INTEGER", nullable: false),
                    OnTime = table.Column<int>(type: "INTEGER", nullable: false),
                    Late = table.Column<int>(type: "INTEGER", nullable: false),
                    SameDay = table.Column<int>(type: "INTEGER", nullable: false),
                    ResolvedUnsatisfied = table.Column<int>(type: "INTEGER", nullable: false),
                    Rated = table.Column<int>(type: "INTEGER", nullable: false),
                    Unsatisfied = table.Column<int>(type: "INTEGER", nullable: false),
                    CounterRated = table.Column<int>(type: "INTEGER", nullable: false),
                    CounterUnsatisfied = table.Column<int>(type: "INTEGER", nullable: false),
                    CounterPoints = table.Column<int>(type: "INTEGER", nullable: false),
                    Disagreements = table.Column<int>(type: "INTEGER", nullable: false)
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
