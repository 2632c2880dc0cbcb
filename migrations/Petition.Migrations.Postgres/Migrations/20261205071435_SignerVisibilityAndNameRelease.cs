using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Petition.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SignerVisibilityAndNameRelease : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Visibility",
                table: "Signatures",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Full");

            migrationBuilder.AddColumn<int>(
                name: "ContactRetentionDays",
                table: "Letters",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IndexSignatories",
                table: "Letters",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "NamesHeld",
                table: "Letters",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "NamesHeldUntil",
                table: "Letters",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Visibility",
                table: "Signatures");

            migrationBuilder.DropColumn(
                name: "ContactRetentionDays",
                table: "Letters");

            migrationBuilder.DropColumn(
                name: "IndexSignatories",
                table: "Letters");

            migrationBuilder.DropColumn(
                name: "NamesHeld",
                table: "Letters");

            migrationBuilder.DropColumn(
                name: "NamesHeldUntil",
                table: "Letters");
        }
    }
}
