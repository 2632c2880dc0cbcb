using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Petition.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class StatesTokenDetails : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Details",
                table: "SignatureTokens",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NetworkHash",
                table: "SignatureTokens",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Details",
                table: "SignatureTokens");

            migrationBuilder.DropColumn(
                name: "NetworkHash",
                table: "SignatureTokens");
        }
    }
}
