using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Infrastructure.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Security : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "TrackingKey",
                table: "dossiers_dossier",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "DossierCode",
                table: "citizens_unit_link",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "accounts_session",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EndedBy = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    ClientAddress = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_accounts_session", x => x.Id);
                    table.ForeignKey(
                        name: "FK_accounts_session_accounts_account_AccountId",
                        column: x => x.AccountId,
                        principalTable: "accounts_account",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_accounts_session_AccountId_EndedAt",
                table: "accounts_session",
                columns: new[] { "AccountId", "EndedAt" });

            // Dossiers received before tracking keys get one (hex digits: still a secret of 40 bits), and the offices
            // that hold a dossier of a citizen keep their business with the citizen's record, now named by the dossier.
            migrationBuilder.Sql("""UPDATE dossiers_dossier SET "TrackingKey" = upper(hex(randomblob(5))) WHERE "TrackingKey" = ''""");
            migrationBuilder.Sql("""
                INSERT INTO citizens_unit_link ("CitizenId", "UnitId", "Since", "Reason", "DossierCode")
                SELECT "CitizenId", "OfficeId", MIN("ReceivedAt"), 'Hồ sơ ' || MAX("Code"), MAX("Code") FROM dossiers_dossier
                WHERE true GROUP BY "CitizenId", "OfficeId" HAVING "CitizenId" IS NOT NULL
                ON CONFLICT ("CitizenId", "UnitId") DO UPDATE SET "DossierCode" = excluded."DossierCode", "Reason" = excluded."Reason"
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "accounts_session");

            migrationBuilder.DropColumn(
                name: "TrackingKey",
                table: "dossiers_dossier");

            migrationBuilder.DropColumn(
                name: "DossierCode",
                table: "citizens_unit_link");
        }
    }
}
