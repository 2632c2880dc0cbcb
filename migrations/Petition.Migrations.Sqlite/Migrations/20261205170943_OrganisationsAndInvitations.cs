using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Petition.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class OrganisationsAndInvitations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Signatures_LetterId_EmailHash",
                table: "Signatures");

            migrationBuilder.AddColumn<bool>(
                name: "ForOrganisation",
                table: "Signatures",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "Founding",
                table: "Signatures",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "Invited",
                table: "Signatures",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Website",
                table: "Signatures",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "AcceptsOrganisations",
                table: "Letters",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "FoundingDomains",
                table: "Letters",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.CreateTable(
                name: "Invitations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    LetterId = table.Column<int>(type: "INTEGER", nullable: false),
                    EmailHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SealedEmail = table.Column<byte[]>(type: "BLOB", nullable: false),
                    SealedName = table.Column<byte[]>(type: "BLOB", nullable: true),
                    TokenHash = table.Column<byte[]>(type: "BLOB", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UsedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SignatureId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Invitations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Invitations_Letters_LetterId",
                        column: x => x.LetterId,
                        principalTable: "Letters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Signatures_Founding",
                table: "Signatures",
                columns: new[] { "LetterId", "Founding" },
                filter: "\"Founding\"");

            migrationBuilder.CreateIndex(
                name: "IX_Signatures_LetterId_EmailHash_ForOrganisation",
                table: "Signatures",
                columns: new[] { "LetterId", "EmailHash", "ForOrganisation" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Invitations_LetterId_EmailHash",
                table: "Invitations",
                columns: new[] { "LetterId", "EmailHash" });

            migrationBuilder.CreateIndex(
                name: "IX_Invitations_TokenHash",
                table: "Invitations",
                column: "TokenHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Invitations");

            migrationBuilder.DropIndex(
                name: "IX_Signatures_Founding",
                table: "Signatures");

            migrationBuilder.DropIndex(
                name: "IX_Signatures_LetterId_EmailHash_ForOrganisation",
                table: "Signatures");

            migrationBuilder.DropColumn(
                name: "ForOrganisation",
                table: "Signatures");

            migrationBuilder.DropColumn(
                name: "Founding",
                table: "Signatures");

            migrationBuilder.DropColumn(
                name: "Invited",
                table: "Signatures");

            migrationBuilder.DropColumn(
                name: "Website",
                table: "Signatures");

            migrationBuilder.DropColumn(
                name: "AcceptsOrganisations",
                table: "Letters");

            migrationBuilder.DropColumn(
                name: "FoundingDomains",
                table: "Letters");

            migrationBuilder.CreateIndex(
                name: "IX_Signatures_LetterId_EmailHash",
                table: "Signatures",
                columns: new[] { "LetterId", "EmailHash" },
                unique: true);
        }
    }
}
