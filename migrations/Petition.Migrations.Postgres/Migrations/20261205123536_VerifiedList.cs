using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Petition.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class VerifiedList : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CheckedNote",
                table: "Signatures",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Verification",
                table: "Signatures",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Email");

            // Existing signatures get the level their facts give (Verifications.Of); new writes derive it themselves.
            migrationBuilder.Sql("""
                UPDATE "Signatures" SET "Verification" = 'Institutional' WHERE "VerifiedDomain" IS NOT NULL AND "ShowVerifiedBadge";
                UPDATE "Signatures" SET "Verification" = 'Imported' WHERE "Source" = 'Import' AND "Verification" = 'Email';
                """);

            migrationBuilder.CreateTable(
                name: "ListSeals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    LetterId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    SealedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SealedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Size = table.Column<int>(type: "integer", nullable: false),
                    Listed = table.Column<int>(type: "integer", nullable: false),
                    Root = table.Column<byte[]>(type: "bytea", nullable: false),
                    PartRoots = table.Column<byte[]>(type: "bytea", nullable: false),
                    Statement = table.Column<byte[]>(type: "bytea", nullable: false),
                    Signature = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ListSeals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ListSeals_Letters_LetterId",
                        column: x => x.LetterId,
                        principalTable: "Letters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ListSealParts",
                columns: table => new
                {
                    SealId = table.Column<int>(type: "integer", nullable: false),
                    Index = table.Column<int>(type: "integer", nullable: false),
                    FirstSignatureId = table.Column<long>(type: "bigint", nullable: false),
                    SignatureIds = table.Column<byte[]>(type: "bytea", nullable: false),
                    Leaves = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ListSealParts", x => new { x.SealId, x.Index });
                    table.ForeignKey(
                        name: "FK_ListSealParts_ListSeals_SealId",
                        column: x => x.SealId,
                        principalTable: "ListSeals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Signatures_Verified",
                table: "Signatures",
                columns: new[] { "LetterId", "Verification", "State", "PublishedAt", "Id" },
                filter: "\"Verification\" <> 'Email'");

            migrationBuilder.CreateIndex(
                name: "IX_ListSealParts_SealId_FirstSignatureId",
                table: "ListSealParts",
                columns: new[] { "SealId", "FirstSignatureId" });

            migrationBuilder.CreateIndex(
                name: "IX_ListSeals_LetterId_Number",
                table: "ListSeals",
                columns: new[] { "LetterId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ListSealParts");

            migrationBuilder.DropTable(
                name: "ListSeals");

            migrationBuilder.DropIndex(
                name: "IX_Signatures_Verified",
                table: "Signatures");

            migrationBuilder.DropColumn(
                name: "CheckedNote",
                table: "Signatures");

            migrationBuilder.DropColumn(
                name: "Verification",
                table: "Signatures");
        }
    }
}
