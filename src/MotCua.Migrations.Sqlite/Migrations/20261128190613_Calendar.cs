using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Calendar : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "calendar_office_hours",
                columns: table => new
                {
                    OfficeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SameDayCutoff = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    EndOfDay = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    ReceivesSaturdayMorning = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_calendar_office_hours", x => x.OfficeId);
                });

            migrationBuilder.CreateTable(
                name: "calendar_year",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    LoadedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LoadedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_calendar_year", x => x.Year);
                });

            migrationBuilder.CreateTable(
                name: "calendar_day",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Replaces = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_calendar_day", x => x.Id);
                    table.ForeignKey(
                        name: "FK_calendar_day_calendar_year_Year",
                        column: x => x.Year,
                        principalTable: "calendar_year",
                        principalColumn: "Year",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_calendar_day_Date",
                table: "calendar_day",
                column: "Date",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_calendar_day_Year",
                table: "calendar_day",
                column: "Year");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "calendar_day");

            migrationBuilder.DropTable(
                name: "calendar_office_hours");

            migrationBuilder.DropTable(
                name: "calendar_year");
        }
    }
}
