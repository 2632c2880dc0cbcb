using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Petition.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DropClearPersonalData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Details",
                table: "SignatureTokens");

            migrationBuilder.DropColumn(
                name: "Email",
                table: "Signatures");

            migrationBuilder.DropColumn(
                name: "EmailCanonical",
                table: "Signatures");

            migrationBuilder.DropColumn(
                name: "IpAddress",
                table: "Signatures");

            migrationBuilder.DropColumn(
                name: "UserAgent",
                table: "Signatures");

            migrationBuilder.DropColumn(
                name: "Subject",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "TextBody",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "ToAddress",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "ToName",
                table: "Outbox");

            migrationBuilder.CreateIndex(
                name: "IX_Signatures_LetterId_EmailHash",
                table: "Signatures",
                columns: new[] { "LetterId", "EmailHash" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Signatures_LetterId_EmailHash",
                table: "Signatures");

            migrationBuilder.AddColumn<string>(
                name: "Details",
                table: "SignatureTokens",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Email",
                table: "Signatures",
                type: "TEXT",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EmailCanonical",
                table: "Signatures",
                type: "TEXT",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IpAddress",
                table: "Signatures",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UserAgent",
                table: "Signatures",
                type: "TEXT",
                maxLength: 512,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Subject",
                table: "Outbox",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TextBody",
                table: "Outbox",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ToAddress",
                table: "Outbox",
                type: "TEXT",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ToName",
                table: "Outbox",
                type: "TEXT",
                maxLength: 120,
                nullable: true);
        }
    }
}
