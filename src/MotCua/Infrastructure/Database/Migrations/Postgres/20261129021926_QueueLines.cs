using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Infrastructure.Database.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class QueueLines : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_queue_ticket_OfficeId_Day_Status_ServiceCode_RankAt",
                table: "queue_ticket");

            migrationBuilder.CreateIndex(
                name: "IX_queue_ticket_OfficeId_Day_Status_ServiceCode_RankAt_Id",
                table: "queue_ticket",
                columns: new[] { "OfficeId", "Day", "Status", "ServiceCode", "RankAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_queue_ticket_OfficeId_Day_Status_ServiceCode_RankAt_Id",
                table: "queue_ticket");

            migrationBuilder.CreateIndex(
                name: "IX_queue_ticket_OfficeId_Day_Status_ServiceCode_RankAt",
                table: "queue_ticket",
                columns: new[] { "OfficeId", "Day", "Status", "ServiceCode", "RankAt" });
        }
    }
}
