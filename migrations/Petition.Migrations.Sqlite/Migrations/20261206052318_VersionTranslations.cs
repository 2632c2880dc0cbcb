using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Petition.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class VersionTranslations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "TranslationChanged",
                table: "LetterVersions",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "LetterVersionTranslations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    LetterId = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    Recipients = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LetterVersionTranslations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LetterVersionTranslations_Letters_LetterId",
                        column: x => x.LetterId,
                        principalTable: "Letters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LetterVersionTranslations_LetterId_Version_Language",
                table: "LetterVersionTranslations",
                columns: new[] { "LetterId", "Version", "Language" },
                unique: true);

            // The translations as they stand are recorded for each letter's current version: earlier versions'
            // translations were not kept, and their signers' text reads as that version's original.
            migrationBuilder.Sql("""
                INSERT INTO "LetterVersionTranslations" ("LetterId", "Version", "Language", "Title", "Body", "Recipients")
                SELECT t."LetterId", l."Version", t."Language", t."Title", t."Body", t."Recipients"
                FROM "LetterTranslations" t JOIN "Letters" l ON l."Id" = t."LetterId";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LetterVersionTranslations");

            migrationBuilder.DropColumn(
                name: "TranslationChanged",
                table: "LetterVersions");
        }
    }
}
