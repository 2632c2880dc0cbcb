using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Petition.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PackAttachments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "AttachPackId",
                table: "Outbox",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "AttachPdf",
                table: "Deliveries",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AttachPackId",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "AttachPdf",
                table: "Deliveries");
        }
    }
}
