using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Petition.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SignerVisibilityAndNameRelease : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Visibility",
                table: "Signatures",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "Full");

            migrationBuilder.AddColumn<int>(
                name: "ContactRetentionDays",
                table: "Letters",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IndexSignatories",
                table: "Letters",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "NamesHeld",
                table: "Letters",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "NamesHeldUntil",
                table: "Letters",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Visibility",
                table: "Signatures");

            migrationBuilder.DropColumn(
                name: "ContactRetentionDays",
                table: "Letters");

            migrationBuilder.DropColumn(
                name: "IndexSignatories",
                table: "Letters");

            migrationBuilder.DropColumn(
                name: "NamesHeld",
                table: "Letters");

            migrationBuilder.DropColumn(
                name: "NamesHeldUntil",
                table: "Letters");
        }
    }
}
