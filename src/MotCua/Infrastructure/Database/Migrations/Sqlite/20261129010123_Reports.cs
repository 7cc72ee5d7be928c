using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Infrastructure.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Reports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_dossiers_dossier_OfficeId_ReceivedAt",
                table: "dossiers_dossier");

            migrationBuilder.AddColumn<bool>(
                name: "Digitised",
                table: "dossiers_dossier",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "ResolvedSameDay",
                table: "dossiers_dossier",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Timeliness",
                table: "dossiers_dossier",
                type: "TEXT",
                maxLength: 10,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "feedback_evaluation",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DossierId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DossierCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OfficeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Rating = table.Column<int>(type: "INTEGER", nullable: true),
                    Criteria = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Points = table.Column<int>(type: "INTEGER", nullable: false),
                    Unsatisfied = table.Column<bool>(type: "INTEGER", nullable: false),
                    Complaint = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Officer = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    ChangedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Changes = table.Column<int>(type: "INTEGER", nullable: false),
                    Disagreement = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_feedback_evaluation", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "reports_monthly",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    UnitName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    QueuedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PdfHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ExcelHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Error = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reports_monthly", x => x.Id);
                });

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
                    Grain = table.Column<string>(type: "TEXT", maxLength: 1, nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ProcedureCode = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
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
                    table.PrimaryKey("PK_reports_unit_day", x => new { x.UnitId, x.ProcedureCode, x.Grain, x.Day });
                });

            migrationBuilder.CreateIndex(
                name: "IX_dossiers_dossier_received_figures",
                table: "dossiers_dossier",
                columns: new[] { "OfficeId", "ReceivedAt", "Channel", "Digitised", "ProcedureCode", "ReceivedBy" });

            migrationBuilder.CreateIndex(
                name: "IX_dossiers_dossier_ReceivedBy_ReceivedAt",
                table: "dossiers_dossier",
                columns: new[] { "ReceivedBy", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_dossiers_dossier_resolved_figures",
                table: "dossiers_dossier",
                columns: new[] { "OfficeId", "ResolvedAt", "Timeliness", "ResolvedSameDay", "ProcedureCode" });

            migrationBuilder.CreateIndex(
                name: "IX_feedback_evaluation_DossierId_Kind",
                table: "feedback_evaluation",
                columns: new[] { "DossierId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_feedback_evaluation_OfficeId_ChangedAt_Kind_Unsatisfied_Points_Officer",
                table: "feedback_evaluation",
                columns: new[] { "OfficeId", "ChangedAt", "Kind", "Unsatisfied", "Points", "Officer" });

            migrationBuilder.CreateIndex(
                name: "IX_reports_monthly_Month_UnitId",
                table: "reports_monthly",
                columns: new[] { "Month", "UnitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_reports_monthly_Status_QueuedAt",
                table: "reports_monthly",
                columns: new[] { "Status", "QueuedAt" });

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
                name: "feedback_evaluation");

            migrationBuilder.DropTable(
                name: "reports_monthly");

            migrationBuilder.DropTable(
                name: "reports_stale_day");

            migrationBuilder.DropTable(
                name: "reports_unit_day");

            migrationBuilder.DropIndex(
                name: "IX_dossiers_dossier_received_figures",
                table: "dossiers_dossier");

            migrationBuilder.DropIndex(
                name: "IX_dossiers_dossier_ReceivedBy_ReceivedAt",
                table: "dossiers_dossier");

            migrationBuilder.DropIndex(
                name: "IX_dossiers_dossier_resolved_figures",
                table: "dossiers_dossier");

            migrationBuilder.DropColumn(
                name: "Digitised",
                table: "dossiers_dossier");

            migrationBuilder.DropColumn(
                name: "ResolvedSameDay",
                table: "dossiers_dossier");

            migrationBuilder.DropColumn(
                name: "Timeliness",
                table: "dossiers_dossier");

            migrationBuilder.CreateIndex(
                name: "IX_dossiers_dossier_OfficeId_ReceivedAt",
                table: "dossiers_dossier",
                columns: new[] { "OfficeId", "ReceivedAt" });
        }
    }
}
