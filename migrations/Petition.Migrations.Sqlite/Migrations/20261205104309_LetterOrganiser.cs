using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Petition.Migrations.Sqlite.Migrations
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
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Organiser_Email",
                table: "Letters",
                type: "TEXT",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Organiser_LegalNotice",
                table: "Letters",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Organiser_LogoType",
                table: "Letters",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Organiser_Name",
                table: "Letters",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Organiser_ThankYouMessage",
                table: "Letters",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Organiser_Website",
                table: "Letters",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "LetterLogos",
                columns: table => new
                {
                    LetterId = table.Column<int>(type: "INTEGER", nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
