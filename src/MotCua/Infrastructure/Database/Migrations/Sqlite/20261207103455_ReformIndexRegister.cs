using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Infrastructure.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReformIndexRegister : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "PlanId",
                table: "reform_finding",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "reform_committee",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Regulation = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Members = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reform_committee", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "reform_index_score",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Criterion = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Self = table.Column<decimal>(type: "TEXT", precision: 7, scale: 2, nullable: true),
                    Measured = table.Column<decimal>(type: "TEXT", precision: 7, scale: 2, nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Appraised = table.Column<decimal>(type: "TEXT", precision: 7, scale: 2, nullable: true),
                    AppraisedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reform_index_score", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "reform_legal_document",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    StatusReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ReviewedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReviewedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reform_legal_document", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "reform_meeting",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommitteeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Conclusions = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reform_meeting", x => x.Id);
                    table.ForeignKey(
                        name: "FK_reform_meeting_reform_committee_CommitteeId",
                        column: x => x.CommitteeId,
                        principalTable: "reform_committee",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "reform_legal_document_link",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DocumentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EarlierId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Amends = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reform_legal_document_link", x => x.Id);
                    table.ForeignKey(
                        name: "FK_reform_legal_document_link_reform_legal_document_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "reform_legal_document",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_reform_legal_document_link_reform_legal_document_EarlierId",
                        column: x => x.EarlierId,
                        principalTable: "reform_legal_document",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_reform_finding_PlanId",
                table: "reform_finding",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_reform_committee_UnitId",
                table: "reform_committee",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_reform_index_score_Year_UnitId_Criterion",
                table: "reform_index_score",
                columns: new[] { "Year", "UnitId", "Criterion" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_reform_legal_document_Number",
                table: "reform_legal_document",
                column: "Number");

            migrationBuilder.CreateIndex(
                name: "IX_reform_legal_document_UnitId_Number",
                table: "reform_legal_document",
                columns: new[] { "UnitId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_reform_legal_document_link_DocumentId",
                table: "reform_legal_document_link",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_reform_legal_document_link_EarlierId",
                table: "reform_legal_document_link",
                column: "EarlierId");

            migrationBuilder.CreateIndex(
                name: "IX_reform_meeting_CommitteeId",
                table: "reform_meeting",
                column: "CommitteeId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "reform_index_score");

            migrationBuilder.DropTable(
                name: "reform_legal_document_link");

            migrationBuilder.DropTable(
                name: "reform_meeting");

            migrationBuilder.DropTable(
                name: "reform_legal_document");

            migrationBuilder.DropTable(
                name: "reform_committee");

            migrationBuilder.DropIndex(
                name: "IX_reform_finding_PlanId",
                table: "reform_finding");

            migrationBuilder.DropColumn(
                name: "PlanId",
                table: "reform_finding");
        }
    }
}
