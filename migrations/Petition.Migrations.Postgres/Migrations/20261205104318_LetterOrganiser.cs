using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Petition.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class LetterOrganiser : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Organiser_ConfirmationMessage",
                table: "Letters",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Organiser_Email",
                table: "Letters",
                type: "character varying(254)",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Organiser_LegalNotice",
                table: "Letters",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Organiser_LogoType",
                table: "Letters",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Organiser_Name",
                table: "Letters",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Organiser_ThankYouMessage",
                table: "Letters",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Organiser_Website",
                table: "Letters",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "LetterLogos",
                columns: table => new
                {
                    LetterId = table.Column<int>(type: "integer", nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LetterLogos", x => x.LetterId);
                    table.ForeignKey(
                        name: "FK_LetterLogos_Letters_LetterId",
                        column: x => x.LetterId,
                        principalTable: "Letters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LetterLogos");

            migrationBuilder.DropColumn(
                name: "Organiser_ConfirmationMessage",
                table: "Letters");

            migrationBuilder.DropColumn(
                name: "Organiser_Email",
                table: "Letters");

            migrationBuilder.DropColumn(
                name: "Organiser_LegalNotice",
                table: "Letters");

            migrationBuilder.DropColumn(
                name: "Organiser_LogoType",
                table: "Letters");

            migrationBuilder.DropColumn(
                name: "Organiser_Name",
                table: "Letters");

            migrationBuilder.DropColumn(
                name: "Organiser_ThankYouMessage",
                table: "Letters");

            migrationBuilder.DropColumn(
                name: "Organiser_Website",
                table: "Letters");
        }
    }
}
