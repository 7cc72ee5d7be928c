using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Infrastructure.Database.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Staffing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "staffing_person",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FullName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    IdNumber = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Category = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Rank = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    JoinedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AccountId = table.Column<Guid>(type: "uuid", nullable: true),
                    ExemptUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    ExemptReason = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_staffing_person", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "staffing_position",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Category = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Rank = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    RotationYears = table.Column<int>(type: "integer", nullable: true),
                    RotationBasis = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_staffing_position", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "staffing_quota",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Category = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Quota = table.Column<int>(type: "integer", nullable: false),
                    Decision = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    SetBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SetAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_staffing_quota", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "staffing_rotation_plan",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Decision = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExecutedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ExecutedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_staffing_rotation_plan", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "staffing_position_held",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    PositionId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Category = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: true),
                    RotationPlanId = table.Column<Guid>(type: "uuid", nullable: true),
                    OverQuotaDecision = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_staffing_position_held", x => x.Id);
                    table.ForeignKey(
                        name: "FK_staffing_position_held_staffing_person_PersonId",
                        column: x => x.PersonId,
                        principalTable: "staffing_person",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_staffing_position_held_staffing_position_PositionId",
                        column: x => x.PositionId,
                        principalTable: "staffing_position",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "staffing_rotation_move",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    ToPositionId = table.Column<Guid>(type: "uuid", nullable: false),
                    EffectiveOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_staffing_rotation_move", x => x.Id);
                    table.ForeignKey(
                        name: "FK_staffing_rotation_move_staffing_person_PersonId",
                        column: x => x.PersonId,
                        principalTable: "staffing_person",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_staffing_rotation_move_staffing_position_ToPositionId",
                        column: x => x.ToPositionId,
                        principalTable: "staffing_position",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_staffing_rotation_move_staffing_rotation_plan_PlanId",
                        column: x => x.PlanId,
                        principalTable: "staffing_rotation_plan",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_staffing_person_AccountId",
                table: "staffing_person",
                column: "AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_staffing_person_IdNumber",
                table: "staffing_person",
                column: "IdNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_staffing_position_UnitId",
                table: "staffing_position",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_staffing_position_held_PersonId_ValidFrom",
                table: "staffing_position_held",
                columns: new[] { "PersonId", "ValidFrom" });

            migrationBuilder.CreateIndex(
                name: "IX_staffing_position_held_PositionId",
                table: "staffing_position_held",
                column: "PositionId");

            migrationBuilder.CreateIndex(
                name: "IX_staffing_position_held_UnitId_Category_ValidFrom",
                table: "staffing_position_held",
                columns: new[] { "UnitId", "Category", "ValidFrom" });

            migrationBuilder.CreateIndex(
                name: "IX_staffing_quota_UnitId_Year_Category_SetAt",
                table: "staffing_quota",
                columns: new[] { "UnitId", "Year", "Category", "SetAt" });

            migrationBuilder.CreateIndex(
                name: "IX_staffing_rotation_move_PersonId",
                table: "staffing_rotation_move",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_staffing_rotation_move_PlanId",
                table: "staffing_rotation_move",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_staffing_rotation_move_ToPositionId",
                table: "staffing_rotation_move",
                column: "ToPositionId");

            migrationBuilder.CreateIndex(
                name: "IX_staffing_rotation_plan_UnitId_Year",
                table: "staffing_rotation_plan",
                columns: new[] { "UnitId", "Year" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "staffing_position_held");

            migrationBuilder.DropTable(
                name: "staffing_quota");

            migrationBuilder.DropTable(
                name: "staffing_rotation_move");

            migrationBuilder.DropTable(
                name: "staffing_person");

            migrationBuilder.DropTable(
                name: "staffing_position");

            migrationBuilder.DropTable(
                name: "staffing_rotation_plan");
        }
    }
}
