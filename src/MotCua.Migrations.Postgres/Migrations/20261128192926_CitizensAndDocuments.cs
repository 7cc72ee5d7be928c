using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CitizensAndDocuments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "citizens_access_log",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CitizenId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AccountId = table.Column<Guid>(type: "uuid", nullable: true),
                    Username = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    What = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    DossierCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_citizens_access_log", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "citizens_citizen",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    IdNumber = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    OldIdNumber = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    FullName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NameFolded = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    DateOfBirth = table.Column<DateOnly>(type: "date", nullable: true),
                    Sex = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    Address = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Email = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    IdIssueDate = table.Column<DateOnly>(type: "date", nullable: true),
                    OpenConflicts = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_citizens_citizen", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "citizens_organisation",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TaxCode = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: false),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    NameFolded = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false, collation: "C"),
                    Address = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    RepresentativeIdNumber = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    Phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Email = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_citizens_organisation", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "documents_file",
                columns: table => new
                {
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Length = table.Column<long>(type: "bigint", nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Pages = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_documents_file", x => x.Sha256);
                });

            migrationBuilder.CreateTable(
                name: "citizens_profile_value",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CitizenId = table.Column<Guid>(type: "uuid", nullable: false),
                    Field = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Value = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ObservedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ObservedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    DossierCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_citizens_profile_value", x => x.Id);
                    table.ForeignKey(
                        name: "FK_citizens_profile_value_citizens_citizen_CitizenId",
                        column: x => x.CitizenId,
                        principalTable: "citizens_citizen",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "citizens_unit_link",
                columns: table => new
                {
                    CitizenId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_citizens_unit_link", x => new { x.CitizenId, x.UnitId });
                    table.ForeignKey(
                        name: "FK_citizens_unit_link_citizens_citizen_CitizenId",
                        column: x => x.CitizenId,
                        principalTable: "citizens_citizen",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "documents_document",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CitizenId = table.Column<Guid>(type: "uuid", nullable: true),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: true),
                    DocumentType = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Number = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    Issuer = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    IssueDate = table.Column<DateOnly>(type: "date", nullable: true),
                    ExpiryDate = table.Column<DateOnly>(type: "date", nullable: true),
                    FileSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Pages = table.Column<int>(type: "integer", nullable: false),
                    SourceDossierCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_documents_document", x => x.Id);
                    table.ForeignKey(
                        name: "FK_documents_document_documents_file_FileSha256",
                        column: x => x.FileSha256,
                        principalTable: "documents_file",
                        principalColumn: "Sha256",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_citizens_access_log_CitizenId_At",
                table: "citizens_access_log",
                columns: new[] { "CitizenId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_citizens_citizen_IdNumber",
                table: "citizens_citizen",
                column: "IdNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_citizens_citizen_NameFolded",
                table: "citizens_citizen",
                column: "NameFolded");

            migrationBuilder.CreateIndex(
                name: "IX_citizens_citizen_Phone",
                table: "citizens_citizen",
                column: "Phone");

            migrationBuilder.CreateIndex(
                name: "IX_citizens_organisation_NameFolded",
                table: "citizens_organisation",
                column: "NameFolded");

            migrationBuilder.CreateIndex(
                name: "IX_citizens_organisation_TaxCode",
                table: "citizens_organisation",
                column: "TaxCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_citizens_profile_value_CitizenId_Field_ObservedAt",
                table: "citizens_profile_value",
                columns: new[] { "CitizenId", "Field", "ObservedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_citizens_unit_link_UnitId",
                table: "citizens_unit_link",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_documents_document_CitizenId_DocumentType",
                table: "documents_document",
                columns: new[] { "CitizenId", "DocumentType" });

            migrationBuilder.CreateIndex(
                name: "IX_documents_document_FileSha256",
                table: "documents_document",
                column: "FileSha256");

            migrationBuilder.CreateIndex(
                name: "IX_documents_document_OrganisationId_DocumentType",
                table: "documents_document",
                columns: new[] { "OrganisationId", "DocumentType" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "citizens_access_log");

            migrationBuilder.DropTable(
                name: "citizens_organisation");

            migrationBuilder.DropTable(
                name: "citizens_profile_value");

            migrationBuilder.DropTable(
                name: "citizens_unit_link");

            migrationBuilder.DropTable(
                name: "documents_document");

            migrationBuilder.DropTable(
                name: "citizens_citizen");

            migrationBuilder.DropTable(
                name: "documents_file");
        }
    }
}
