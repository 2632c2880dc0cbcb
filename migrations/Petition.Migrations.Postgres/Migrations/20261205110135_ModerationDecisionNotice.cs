using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Petition.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ModerationDecisionNotice : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DecisionNotifiedAt",
                table: "Signatures",
                type: "timestamp with time zone",
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
