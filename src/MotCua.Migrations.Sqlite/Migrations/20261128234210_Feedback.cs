using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Feedback : Migration
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
                name: "IX_feedback_evaluation_OfficeId_Kind_ChangedAt_Unsatisfied_Points_Officer",
                table: "feedback_evaluation",
                columns: new[] { "OfficeId", "Kind", "ChangedAt", "Unsatisfied", "Points", "Officer" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "feedback_evaluation");

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
