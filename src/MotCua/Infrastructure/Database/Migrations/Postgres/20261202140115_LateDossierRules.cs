using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Infrastructure.Database.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LateDossierRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Basis",
                table: "workflow_apology",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "LatestOn",
                table: "workflow_apology",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClockBasis",
                table: "catalog_procedure_version",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Basis",
                table: "workflow_apology");

            migrationBuilder.DropColumn(
                name: "LatestOn",
                table: "workflow_apology");

            migrationBuilder.DropColumn(
                name: "ClockBasis",
                table: "catalog_procedure_version");
        }
    }
}
