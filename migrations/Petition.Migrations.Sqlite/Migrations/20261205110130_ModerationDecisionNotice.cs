using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Petition.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ModerationDecisionNotice : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "DecisionNotifiedAt",
                table: "Signatures",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DecisionNotifiedAt",
                table: "Signatures");
        }
    }
}
