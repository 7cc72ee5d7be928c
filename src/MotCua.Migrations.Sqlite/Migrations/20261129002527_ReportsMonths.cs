using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ReportsMonths : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_reports_unit_day",
                table: "reports_unit_day");

            migrationBuilder.DropIndex(
                name: "IX_feedback_evaluation_OfficeId_Kind_ChangedAt_Unsatisfied_Points_Officer",
                table: "feedback_evaluation");

            migrationBuilder.AddColumn<string>(
                name: "Grain",
                table: "reports_unit_day",
                type: "TEXT",
                maxLength: 1,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddPrimaryKey(
                name: "PK_reports_unit_day",
                table: "reports_unit_day",
                columns: new[] { "UnitId", "ProcedureCode", "Grain", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_feedback_evaluation_OfficeId_ChangedAt_Kind_Unsatisfied_Points_Officer",
                table: "feedback_evaluation",
                columns: new[] { "OfficeId", "ChangedAt", "Kind", "Unsatisfied", "Points", "Officer" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_reports_unit_day",
                table: "reports_unit_day");

            migrationBuilder.DropIndex(
                name: "IX_feedback_evaluation_OfficeId_ChangedAt_Kind_Unsatisfied_Points_Officer",
                table: "feedback_evaluation");

            migrationBuilder.DropColumn(
                name: "Grain",
                table: "reports_unit_day");

            migrationBuilder.AddPrimaryKey(
                name: "PK_reports_unit_day",
                table: "reports_unit_day",
                columns: new[] { "UnitId", "ProcedureCode", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_feedback_evaluation_OfficeId_Kind_ChangedAt_Unsatisfied_Points_Officer",
                table: "feedback_evaluation",
                columns: new[] { "OfficeId", "Kind", "ChangedAt", "Unsatisfied", "Points", "Officer" });
        }
    }
}
