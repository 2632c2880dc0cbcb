using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Petition.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ModerationConsole : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Signatures_LetterId_Notable_NotableOrder",
                table: "Signatures",
                columns: new[] { "LetterId", "Notable", "NotableOrder" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Signatures_LetterId_Notable_NotableOrder",
                table: "Signatures");
        }
    }
}
