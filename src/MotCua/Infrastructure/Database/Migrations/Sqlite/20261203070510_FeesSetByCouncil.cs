using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotCua.Infrastructure.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FeesSetByCouncil : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
