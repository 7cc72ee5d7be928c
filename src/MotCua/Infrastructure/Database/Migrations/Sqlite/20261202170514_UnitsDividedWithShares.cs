using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Infrastructure.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class UnitsDividedWithShares : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "units_succession",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PredecessorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SuccessorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SharePercent = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_units_succession", x => x.Id);
                    table.CheckConstraint("ck_units_succession_share", "\"SharePercent\" BETWEEN 1 AND 100");
                    table.ForeignKey(
                        name: "FK_units_succession_units_unit_PredecessorId",
                        column: x => x.PredecessorId,
                        principalTable: "units_unit",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_units_succession_units_unit_SuccessorId",
                        column: x => x.SuccessorId,
                        principalTable: "units_unit",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_units_succession_PredecessorId_SuccessorId",
                table: "units_succession",
                columns: new[] { "PredecessorId", "SuccessorId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_units_succession_SuccessorId",
                table: "units_succession",
                column: "SuccessorId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "units_succession");
        }
    }
}
