using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Petition.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class VersionNoticesQueued : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "NoticeOfVersion",
                table: "LetterUpdates",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_LetterUpdates_LetterId_NoticeOfVersion",
                table: "LetterUpdates",
                columns: new[] { "LetterId", "NoticeOfVersion" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_LetterUpdates_LetterId_NoticeOfVersion",
                table: "LetterUpdates");

            migrationBuilder.DropColumn(
                name: "NoticeOfVersion",
                table: "LetterUpdates");
        }
    }
}
