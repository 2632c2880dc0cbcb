using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Petition.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class TranslatedRecipientsAndCategories : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<List<string>>(
                name: "Categories",
                table: "LetterTranslations",
                type: "text[]",
                nullable: false,
                // Translations saved before have no translated categories: the original's are shown.
                defaultValueSql: "'{}'");

            migrationBuilder.AddColumn<string>(
                name: "Recipients",
                table: "LetterTranslations",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Categories",
                table: "LetterTranslations");

            migrationBuilder.DropColumn(
                name: "Recipients",
                table: "LetterTranslations");
        }
    }
}
