using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Catalog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "catalog_procedure",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_catalog_procedure", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "catalog_procedure_version",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProcedureId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Field = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    LegalWorkingDays = table.Column<int>(type: "INTEGER", nullable: false),
                    SameDay = table.Column<bool>(type: "INTEGER", nullable: false),
                    ResultDocument = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    OnlineLevel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ClockPolicy = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Receiving = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AcceptingOffices = table.Column<string>(type: "TEXT", nullable: false),
                    Verified = table.Column<bool>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    SearchText = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    documents = table.Column<string>(type: "TEXT", nullable: true),
                    fees = table.Column<string>(type: "TEXT", nullable: true),
                    form_fields = table.Column<string>(type: "TEXT", nullable: true),
                    steps = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_catalog_procedure_version", x => x.Id);
                    table.ForeignKey(
                        name: "FK_catalog_procedure_version_catalog_procedure_ProcedureId",
                        column: x => x.ProcedureId,
                        principalTable: "catalog_procedure",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_catalog_procedure_Code",
                table: "catalog_procedure",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_catalog_procedure_version_Code_EffectiveFrom",
                table: "catalog_procedure_version",
                columns: new[] { "Code", "EffectiveFrom" });

            migrationBuilder.CreateIndex(
                name: "IX_catalog_procedure_version_ProcedureId_EffectiveFrom",
                table: "catalog_procedure_version",
                columns: new[] { "ProcedureId", "EffectiveFrom" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "catalog_procedure_version");

            migrationBuilder.DropTable(
                name: "catalog_procedure");
        }
    }
}
