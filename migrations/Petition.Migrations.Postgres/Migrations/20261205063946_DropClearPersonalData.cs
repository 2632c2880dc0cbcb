using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Petition.Migrations.Postgres.Migrations
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
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Email",
                table: "Signatures",
                type: "character varying(254)",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EmailCanonical",
                table: "Signatures",
                type: "character varying(254)",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IpAddress",
                table: "Signatures",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UserAgent",
                table: "Signatures",
                type: "character varying(512)",
                maxLength: 512,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Subject",
                table: "Outbox",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TextBody",
                table: "Outbox",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ToAddress",
                table: "Outbox",
                type: "character varying(254)",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ToName",
                table: "Outbox",
                type: "character varying(120)",
                maxLength: 120,
                nullable: true);
        }
    }
}
