using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Petition.Web.Database;

/// <summary>
/// SQLite keeps deleted and overwritten bytes in the file until the page is reused: an erased signer's old name
/// would stay readable in a copy of the file. With secure_delete every connection overwrites what it frees with
/// zeros (<see cref="Signing.SignatureErasure"/> also checkpoints the log, where the page's earlier image lives).
/// </summary>
public sealed class SqliteSecureDelete : DbConnectionInterceptor
{
    public static readonly SqliteSecureDelete Instance = new();

    SqliteSecureDelete() { }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA secure_delete = ON;";
        command.ExecuteNonQuery();
    }
}
