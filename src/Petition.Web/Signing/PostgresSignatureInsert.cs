using Npgsql;
using NpgsqlTypes;
using Petition.Data.Letters;
using Petition.Data.Outbox;
using Petition.Data.Sealing;
using Petition.Data.Signatures;

namespace Petition.Web.Signing;

/// <summary>
/// Writes a batch of new signatures, each with its manage token and its confirmation email, in one SQL statement:
/// the rows travel as arrays, unnest turns them back into rows, and an address that has already signed this letter is
/// skipped (ON CONFLICT DO NOTHING) and reported back as not inserted, for the caller to handle as today. EF Core's
/// change tracker cost about 2 ms of CPU per signature here; this costs a round trip per batch. See decision 015.
/// </summary>
public static class PostgresSignatureInsert
{
    /// <summary>
    /// Inserts what it can inside the caller's transaction; returns the (letter, address hash, for an organisation) keys it stored. What it
    /// writes follows <see cref="SignatureStorage"/>, as every save does: personal data sealed, clear only what is public.
    /// </summary>
    public static async Task<HashSet<(int LetterId, string EmailHash, bool ForOrganisation)>> InsertAsync(NpgsqlConnection connection,
        NpgsqlTransaction transaction, IReadOnlyList<(Signature Signature, OutboxMessage Email, LetterFields Fields)> rows, IPersonalDataSeal seal,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(Sql, connection, transaction);
        var signatures = rows.Select(r => r.Signature).ToList();
        foreach (var (signature, _, fields) in rows)
            SignatureStorage.Seal(signature, fields, seal);
        var tokens = rows.Select(r => r.Signature.Tokens.Single()).ToList();
        var emails = rows.Select(r => r.Email).ToList();
        Add(command, "ordinal", Enumerable.Range(0, rows.Count).ToArray());
        Add(command, "letter_id", signatures.Select(s => s.LetterId).ToArray());
        Add(command, "letter_version", signatures.Select(s => s.LetterVersion).ToArray());
        Add(command, "state", signatures.Select(s => s.State.ToString()).ToArray());
        Add(command, "source", signatures.Select(s => s.Source.ToString()).ToArray());
        Add(command, "name", signatures.Select(s => s.Name).ToArray());
        Add(command, "sealed_email", signatures.Select(s => s.SealedEmail).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Bytea);
        Add(command, "email_hash", signatures.Select(s => s.EmailHash).ToArray());
        Add(command, "domain_hash", signatures.Select(s => s.DomainHash).ToArray());
        Add(command, "country_hash", signatures.Select(s => s.CountryHash).ToArray());
        Add(command, "category_hash", signatures.Select(s => s.CategoryHash).ToArray());
        Add(command, "sealed_details", signatures.Select(s => s.SealedDetails).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Bytea);
        Add(command, "title", signatures.Select(s => s.Title).ToArray());
        Add(command, "organization", signatures.Select(s => s.Organization).ToArray());
        Add(command, "category", signatures.Select(s => s.Category).ToArray());
        Add(command, "country", signatures.Select(s => s.Country).ToArray());
        Add(command, "city", signatures.Select(s => s.City).ToArray());
        Add(command, "comment", signatures.Select(s => s.Comment).ToArray());
        Add(command, "list_publicly", signatures.Select(s => s.ListPublicly).ToArray());
        Add(command, "visibility", signatures.Select(s => s.Visibility.ToString()).ToArray());
        Add(command, "verification", signatures.Select(s => s.Verification.ToString()).ToArray());
        Add(command, "show_verified_badge", signatures.Select(s => s.ShowVerifiedBadge).ToArray());
        Add(command, "wants_updates", signatures.Select(s => s.WantsUpdates).ToArray());
        Add(command, "search_text", signatures.Select(s => s.SearchText).ToArray());
        Add(command, "created_at", signatures.Select(s => s.CreatedAt).ToArray());
        Add(command, "confirmation_hash", signatures.Select(s => s.ConfirmationTokenHash).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Bytea);
        Add(command, "confirmation_expires_at", signatures.Select(s => s.ConfirmationExpiresAt).ToArray(),
            NpgsqlDbType.Array | NpgsqlDbType.TimestampTz);
        Add(command, "emails_sent", signatures.Select(s => s.EmailsSent).ToArray());
        Add(command, "sealed_request", signatures.Select(s => s.SealedRequest).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Bytea);
        Add(command, "network_hash", signatures.Select(s => s.NetworkHash).ToArray());
        Add(command, "language", signatures.Select(s => s.Language).ToArray());
        Add(command, "blocked_reason", signatures.Select(s => s.BlockedReason).ToArray());
        Add(command, "for_organisation", signatures.Select(s => s.ForOrganisation).ToArray());
        Add(command, "website", signatures.Select(s => s.Website).ToArray());
        Add(command, "founding", signatures.Select(s => s.Founding).ToArray());
        Add(command, "invited", signatures.Select(s => s.Invited).ToArray());
        Add(command, "token_purpose", tokens.Select(t => t.Purpose.ToString()).ToArray());
        Add(command, "token_hash", tokens.Select(t => t.Hash).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Bytea);
        Add(command, "token_created_at", tokens.Select(t => t.CreatedAt).ToArray());
        Add(command, "token_expires_at", tokens.Select(t => t.ExpiresAt).ToArray());
        Add(command, "to_hash", emails.Select(e => OutboxMessage.RecipientHash(seal, e.ToAddress)).ToArray());
        Add(command, "sealed_message", emails.Select(e => SealedStrings.Seal(seal, e.SealedValues())).ToArray(),
            NpgsqlDbType.Array | NpgsqlDbType.Bytea);
        Add(command, "email_created_at", emails.Select(e => e.CreatedAt).ToArray());
        Add(command, "next_attempt_at", emails.Select(e => e.NextAttemptAt).ToArray());

        // Prepared once per physical connection and reused from then on: the statement is long, its plan is not cheap.
        await command.PrepareAsync(cancellationToken);
        var inserted = new HashSet<(int, string, bool)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            inserted.Add((reader.GetInt32(0), reader.GetString(1), reader.GetBoolean(2)));
        return inserted;
    }

    static void Add<T>(NpgsqlCommand command, string name, T[] values, NpgsqlDbType? type = null)
    {
        var parameter = type is { } t ? new NpgsqlParameter(name, t) { Value = values } : new NpgsqlParameter<T[]>(name, values);
        command.Parameters.Add(parameter);
    }

    // The caller passes each (letter, address, for an organisation) once, so the joins on it below match one input row each.
    const string Sql = """
        WITH input AS (
            SELECT * FROM unnest(@ordinal, @letter_id, @letter_version, @state, @source, @name, @sealed_email, @email_hash,
                @domain_hash, @country_hash, @category_hash, @sealed_details, @title, @organization, @category, @country, @city, @comment, @list_publicly, @visibility, @verification,
                @show_verified_badge, @wants_updates, @search_text, @created_at, @confirmation_hash, @confirmation_expires_at, @emails_sent,
                @sealed_request, @network_hash, @language, @blocked_reason, @for_organisation, @website, @founding, @invited, @token_purpose, @token_hash, @token_created_at,
                @token_expires_at, @to_hash, @sealed_message, @email_created_at, @next_attempt_at)
            AS i(ordinal, letter_id, letter_version, state, source, name, sealed_email, email_hash,
                domain_hash, country_hash, category_hash, sealed_details, title, organization, category, country, city, comment, list_publicly, visibility, verification,
                show_verified_badge, wants_updates, search_text, created_at, confirmation_hash, confirmation_expires_at, emails_sent,
                sealed_request, network_hash, language, blocked_reason, for_organisation, website, founding, invited, token_purpose, token_hash, token_created_at,
                token_expires_at, to_hash, sealed_message, email_created_at, next_attempt_at)
        ),
        signatures AS (
            INSERT INTO "Signatures" ("LetterId", "LetterVersion", "State", "Source", "Name", "SealedEmail", "EmailHash",
                "DomainHash", "CountryHash", "CategoryHash", "SealedDetails", "Title", "Organization", "Category", "Country", "City", "Comment", "ListPublicly", "Visibility", "Verification",
                "ShowVerifiedBadge", "WantsUpdates", "SearchText", "CreatedAt", "ConfirmationTokenHash", "ConfirmationExpiresAt", "EmailsSent",
                "SealedRequest", "NetworkHash", "Language", "BlockedReason", "ForOrganisation", "Website", "Founding", "Invited",
                "Notable", "Hidden", "Unsubscribed")
            SELECT letter_id, letter_version, state, source, name, sealed_email, email_hash,
                domain_hash, country_hash, category_hash, sealed_details, title, organization, category, country, city, comment, list_publicly, visibility, verification,
                show_verified_badge, wants_updates, search_text, created_at, confirmation_hash, confirmation_expires_at, emails_sent,
                sealed_request, network_hash, language, blocked_reason, for_organisation, website, founding, invited, false, false, false
            FROM input ORDER BY ordinal
            ON CONFLICT ("LetterId", "EmailHash", "ForOrganisation") DO NOTHING
            RETURNING "Id", "LetterId", "EmailHash", "ForOrganisation"
        ),
        stored AS (
            SELECT s."Id", i.* FROM signatures s
            JOIN input i ON i.letter_id = s."LetterId" AND i.email_hash = s."EmailHash" AND i.for_organisation = s."ForOrganisation"
        ),
        tokens AS (
            INSERT INTO "SignatureTokens" ("SignatureId", "Purpose", "Hash", "CreatedAt", "ExpiresAt")
            SELECT "Id", token_purpose, token_hash, token_created_at, token_expires_at FROM stored
        ),
        emails AS (
            INSERT INTO "Outbox" ("ToHash", "Sealed", "CreatedAt", "Attempts", "NextAttemptAt")
            SELECT to_hash, sealed_message, email_created_at, 0, next_attempt_at FROM stored ORDER BY ordinal
        )
        SELECT "LetterId", "EmailHash", "ForOrganisation" FROM signatures
        """;
}
