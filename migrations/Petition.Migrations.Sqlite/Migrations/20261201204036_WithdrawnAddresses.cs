using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Petition.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class WithdrawnAddresses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The export signing key's table becomes the site's keys, where a key without a public half (the HMAC
            // key of withdrawn addresses) fits too. The export key is copied over, not made anew: recipients of
            // earlier files hold its public half.
            migrationBuilder.CreateTable(
                name: "SiteKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PublicKeyPem = table.Column<string>(type: "TEXT", nullable: true),
                    ProtectedPrivateKey = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SiteKeys", x => x.Id);
                });

            migrationBuilder.Sql("INSERT INTO \"SiteKeys\" (\"Id\", \"CreatedAt\", \"PublicKeyPem\", \"ProtectedPrivateKey\") SELECT \"Id\", \"CreatedAt\", \"PublicKeyPem\", \"ProtectedPrivateKey\" FROM \"SigningKeys\";");

            migrationBuilder.DropTable(
                name: "SigningKeys");

            migrationBuilder.CreateTable(
                name: "WithdrawnAddresses",
                columns: table => new
                {
                    LetterId = table.Column<int>(type: "INTEGER", nullable: false),
                    AddressHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WithdrawnAddresses", x => new { x.LetterId, x.AddressHash });
                    table.ForeignKey(
                        name: "FK_WithdrawnAddresses_Letters_LetterId",
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
                name: "WithdrawnAddresses");

            migrationBuilder.CreateTable(
                name: "SigningKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PublicKeyPem = table.Column<string>(type: "TEXT", nullable: false),
                    ProtectedPrivateKey = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SigningKeys", x => x.Id);
                });

            // Only the export signing key fits the old table, whose public half is required.
            migrationBuilder.Sql("INSERT INTO \"SigningKeys\" (\"Id\", \"CreatedAt\", \"PublicKeyPem\", \"ProtectedPrivateKey\") SELECT \"Id\", \"CreatedAt\", \"PublicKeyPem\", \"ProtectedPrivateKey\" FROM \"SiteKeys\" WHERE \"PublicKeyPem\" IS NOT NULL;");

            migrationBuilder.DropTable(
                name: "SiteKeys");
        }
    }
}
