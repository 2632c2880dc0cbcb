using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Petition.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class VersionRecipients : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Recipients",
                table: "LetterVersions",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            // The addressee as it stands is recorded for each letter's current version; earlier versions' was not kept.
            migrationBuilder.Sql("""
                UPDATE "LetterVersions" SET "Recipients" = (SELECT l."Recipients" FROM "Letters" l
                    WHERE l."Id" = "LetterVersions"."LetterId" AND l."Version" = "LetterVersions"."Version");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Recipients",
                table: "LetterVersions");
        }
    }
}
