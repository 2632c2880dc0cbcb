using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Petition.Data;
using Petition.Data.Letters;
using Petition.Data.Outbox;
using Petition.Data.Sealing;
using Petition.Data.Signatures;
using Petition.Web.Keys;

namespace Petition.Web.Database;

/// <summary>
/// Migrates the database. A database from before personal data was sealed is taken in three steps: the sealed
/// columns are added beside the clear ones, every row is sealed by the app (only it holds the keys), and then the
/// clear columns are dropped. Interrupted, it resumes: a row already sealed has nothing left in the clear columns.
/// </summary>
public static class SchemaUpgrade
{
    const string DropClear = "_DropClearPersonalData";

    public static async Task MigrateAsync(PetitionDbContext db, PersonalDataKeys keys, CancellationToken cancellationToken)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.FirstOrDefault(m => m.EndsWith(DropClear, StringComparison.Ordinal)) is { } drop)
        {
            var all = db.Database.GetMigrations().ToList();
            await db.GetService<IMigrator>().MigrateAsync(all[all.IndexOf(drop) - 1], cancellationToken: cancellationToken);
            await SealClearRowsAsync(db, keys, cancellationToken);
        }
        await db.Database.MigrateAsync(cancellationToken);
    }

    static async Task SealClearRowsAsync(PetitionDbContext db, PersonalDataKeys keys, CancellationToken cancellationToken)
    {
        var fields = await db.Letters.AsNoTracking().Select(l => new { l.Id, l.Fields }).ToDictionaryAsync(l => l.Id, l => l.Fields, cancellationToken);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            for (var after = 0L; await SealSignaturesAsync(connection, fields, keys, after, cancellationToken) is { } last; after = last) { }
            await SealColumnAsync(connection, """SELECT "Id", "Details" FROM "SignatureTokens" WHERE "Details" IS NOT NULL""",
                """UPDATE "SignatureTokens" SET "SealedDetails" = @sealed, "Details" = NULL WHERE "Id" = @id""",
                r => SealedStrings.Seal(keys, r.GetString(1)), cancellationToken);
            await SealColumnAsync(connection,
                """SELECT "Id", "ToAddress", "ToName", "Subject", "TextBody" FROM "Outbox" WHERE "ToAddress" IS NOT NULL AND "SentAt" IS NULL""",
                """UPDATE "Outbox" SET "Sealed" = @sealed, "ToHash" = @hash, "ToAddress" = NULL, "ToName" = NULL, "Subject" = NULL, "TextBody" = NULL WHERE "Id" = @id""",
                r => SealedStrings.Seal(keys, Text(r, 1), Text(r, 2), Text(r, 3), Text(r, 4)), cancellationToken,
                r => OutboxMessage.RecipientHash(keys, r.GetString(1)));
            foreach (var column in new[] { "Before", "After" })
                await SealColumnAsync(connection,
                    $"""SELECT "Id", "{column}" FROM "Audit" WHERE "SignatureId" IS NOT NULL AND "{column}" IS NOT NULL AND "{column}" NOT LIKE 'sealed:%'""",
                    $"""UPDATE "Audit" SET "{column}" = @sealed WHERE "Id" = @id""",
                    r => SealedText.Seal(keys, r.GetString(1)), cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    static string? Text(DbDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetString(i);

    /// <summary>Seals the next chunk (by id) of signatures written in the clear; returns the last id it read, null at the end.</summary>
    static async Task<long?> SealSignaturesAsync(DbConnection connection, Dictionary<int, LetterFields> fields, PersonalDataKeys keys,
        long after, CancellationToken cancellationToken)
    {
        var rows = new List<Signature>();
        var canonicals = new Dictionary<long, string>();
        await using (var select = connection.CreateCommand())
        {
            select.CommandText = """
                SELECT "Id", "LetterId", "Email", "EmailCanonical", "IpAddress", "UserAgent", "Name", "Title", "Organization",
                    "Category", "Country", "City", "Comment", "ListPublicly", "CreatedAt"
                FROM "Signatures" WHERE "Id" > @after AND "EmailCanonical" IS NOT NULL ORDER BY "Id" LIMIT 1000
                """;
            Add(select, "after", after);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var signature = new Signature
                {
                    Id = reader.GetInt64(0), LetterId = reader.GetInt32(1), Email = Text(reader, 2) ?? "",
                    IpAddress = Text(reader, 4), UserAgent = Text(reader, 5), Name = Text(reader, 6) ?? "", Title = Text(reader, 7),
                    Organization = Text(reader, 8), Category = Text(reader, 9), Country = Text(reader, 10), City = Text(reader, 11),
                    Comment = Text(reader, 12), ListPublicly = reader.GetBoolean(13),
                    CreatedAt = reader.GetValue(14) switch
                    {
                        long ticks => new DateTimeOffset(ticks, TimeSpan.Zero),
                        DateTime at => new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)),
                        DateTimeOffset at => at,
                        var other => throw new InvalidOperationException($"CreatedAt read as {other.GetType()}"),
                    },
                };
                canonicals[signature.Id] = reader.GetString(3);
                rows.Add(signature);
            }
        }
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var updates = new List<DbCommand>();
        foreach (var s in rows)
        {
            keys.Identify(s, canonicals[s.Id]);
            SignatureStorage.Seal(s, fields[s.LetterId], keys);
            var update = connection.CreateCommand();
            update.CommandText = """
                UPDATE "Signatures" SET "EmailHash" = @hash, "DomainHash" = @domain, "CountryHash" = @countryHash, "CategoryHash" = @categoryHash, "SealedEmail" = @email,
                    "SealedDetails" = @details, "SealedRequest" = @request, "Name" = @name, "Title" = @title,
                    "Organization" = @organization, "Category" = @category, "Country" = @country, "City" = @city,
                    "Comment" = @comment, "SearchText" = @search,
                    "Email" = NULL, "EmailCanonical" = NULL, "IpAddress" = NULL, "UserAgent" = NULL
                WHERE "Id" = @id
                """;
            Add(update, "hash", s.EmailHash);
            Add(update, "domain", s.DomainHash);
            Add(update, "countryHash", s.CountryHash);
            Add(update, "categoryHash", s.CategoryHash);
            Add(update, "email", s.SealedEmail);
            Add(update, "details", s.SealedDetails);
            Add(update, "request", s.SealedRequest);
            Add(update, "name", s.Name);
            Add(update, "title", s.Title);
            Add(update, "organization", s.Organization);
            Add(update, "category", s.Category);
            Add(update, "country", s.Country);
            Add(update, "city", s.City);
            Add(update, "comment", s.Comment);
            Add(update, "search", s.SearchText);
            Add(update, "id", s.Id);
            updates.Add(update);
        }
        await ExecuteAsync(connection, transaction, updates, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return rows.Count == 0 ? null : rows[^1].Id;
    }

    static async Task SealColumnAsync(DbConnection connection, string selectSql, string updateSql, Func<DbDataReader, object?> seal,
        CancellationToken cancellationToken, Func<DbDataReader, string>? hash = null)
    {
        var sealedRows = new List<(long Id, object? Value, string? Hash)>();
        await using (var select = connection.CreateCommand())
        {
            select.CommandText = selectSql;
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                sealedRows.Add((reader.GetInt64(0), seal(reader), hash?.Invoke(reader)));
        }
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var updates = new List<DbCommand>();
        foreach (var (id, value, recipient) in sealedRows)
        {
            var update = connection.CreateCommand();
            update.CommandText = updateSql;
            Add(update, "sealed", value);
            Add(update, "id", id);
            if (recipient is not null)
                Add(update, "hash", recipient);
            updates.Add(update);
        }
        await ExecuteAsync(connection, transaction, updates, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>In one round trip where the provider batches (PostgreSQL), else one by one; then disposed.</summary>
    static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, List<DbCommand> commands, CancellationToken cancellationToken)
    {
        if (connection.CanCreateBatch && commands.Count > 0)
        {
            await using var batch = connection.CreateBatch();
            batch.Transaction = transaction;
            foreach (var command in commands)
            {
                var item = batch.CreateBatchCommand();
                item.CommandText = command.CommandText;
                foreach (DbParameter parameter in command.Parameters)
                    item.Parameters.Add(Copy(item, parameter));
                batch.BatchCommands.Add(item);
            }
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
        else
        {
            foreach (var command in commands)
            {
                command.Transaction = transaction;
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        foreach (var command in commands)
            await command.DisposeAsync();
    }

    static DbParameter Copy(DbBatchCommand item, DbParameter parameter)
    {
        var copy = item.CreateParameter();
        copy.ParameterName = parameter.ParameterName;
        copy.Value = parameter.Value;
        return copy;
    }

    static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
