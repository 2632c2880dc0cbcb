using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Petition.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SealedPersonalData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Signatures_LetterId_EmailCanonical",
                table: "Signatures");

            migrationBuilder.AddColumn<byte[]>(
                name: "SealedDetails",
                table: "SignatureTokens",
                type: "BLOB",
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "EmailCanonical",
                table: "Signatures",
                type: "TEXT",
                maxLength: 254,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 254);

            migrationBuilder.AlterColumn<string>(
                name: "Email",
                table: "Signatures",
                type: "TEXT",
                maxLength: 254,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 254);

            migrationBuilder.AddColumn<string>(
                name: "CategoryHash",
                table: "Signatures",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CountryHash",
                table: "Signatures",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DomainHash",
                table: "Signatures",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EmailHash",
                table: "Signatures",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<byte[]>(
                name: "SealedDetails",
                table: "Signatures",
                type: "BLOB",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "SealedEmail",
                table: "Signatures",
                type: "BLOB",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "SealedRequest",
                table: "Signatures",
                type: "BLOB",
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "ToName",
                table: "Outbox",
                type: "TEXT",
                maxLength: 120,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 120);

            migrationBuilder.AlterColumn<string>(
                name: "ToAddress",
                table: "Outbox",
                type: "TEXT",
                maxLength: 254,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 254);

            migrationBuilder.AlterColumn<string>(
                name: "TextBody",
                table: "Outbox",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<string>(
                name: "Subject",
                table: "Outbox",
                type: "TEXT",
                maxLength: 500,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 500);

            migrationBuilder.AddColumn<byte[]>(
                name: "Sealed",
                table: "Outbox",
                type: "BLOB",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ToHash",
                table: "Outbox",
                type: "TEXT",
                maxLength: 64,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SealedDetails",
                table: "SignatureTokens");

            migrationBuilder.DropColumn(
                name: "CategoryHash",
                table: "Signatures");

            migrationBuilder.DropColumn(
                name: "CountryHash",
                table: "Signatures");

            migrationBuilder.DropColumn(
                name: "DomainHash",
                table: "Signatures");

            migrationBuilder.DropColumn(
                name: "EmailHash",
                table: "Signatures");

            migrationBuilder.DropColumn(
                name: "SealedDetails",
                table: "Signatures");

            migrationBuilder.DropColumn(
                name: "SealedEmail",
                table: "Signatures");

            migrationBuilder.DropColumn(
                name: "SealedRequest",
                table: "Signatures");

            migrationBuilder.DropColumn(
                name: "Sealed",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "ToHash",
                table: "Outbox");

            migrationBuilder.AlterColumn<string>(
                name: "EmailCanonical",
                table: "Signatures",
                type: "TEXT",
                maxLength: 254,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 254,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Email",
                table: "Signatures",
                type: "TEXT",
                maxLength: 254,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 254,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "ToName",
                table: "Outbox",
                type: "TEXT",
                maxLength: 120,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 120,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "ToAddress",
                table: "Outbox",
                type: "TEXT",
                maxLength: 254,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 254,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "TextBody",
                table: "Outbox",
                type: "TEXT",
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Subject",
                table: "Outbox",
                type: "TEXT",
                maxLength: 500,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 500,
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Signatures_LetterId_EmailCanonical",
                table: "Signatures",
                columns: new[] { "LetterId", "EmailCanonical" },
                unique: true);
        }
    }
}
