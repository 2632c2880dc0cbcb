using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Petition.Data;
using Petition.Tests.Infrastructure;
using Petition.Web.Database;
using Petition.Web.Keys;

namespace Petition.Tests.Protection;

/// <summary>
/// A database written before personal data was sealed: the upgrade seals every row (only the app holds the keys),
/// drops the clear columns, and the app finds and reads each signer as before.
/// </summary>
public class SealingUpgradeTests
{
    [Fact]
    public async Task Signatures_and_mail_stored_in_the_clear_are_sealed_by_the_upgrade_and_read_as_before()
    {
        await using var app = await PetitionApp.StartAsync(settings: new() { ["Database:SeedSampleLetter"] = "false" });
        var letter = await app.AddLetterAsync(Signer.Unique("legacy"));
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PetitionDbContext>();
        var migrations = db.Database.GetMigrations().ToList();
        await db.GetService<IMigrator>().MigrateAsync(migrations[migrations.FindIndex(m => m.EndsWith("_SealedPersonalData", StringComparison.Ordinal)) - 1]);

        var ticks = app.Clock.GetUtcNow().UtcTicks;
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Signatures" ("LetterId", "LetterVersion", "State", "Source", "Name", "Email", "EmailCanonical", "City",
                "Country", "ListPublicly", "SearchText", "CreatedAt", "EmailsSent", "Hidden", "Notable", "ShowVerifiedBadge",
                "Unsubscribed", "IpAddress", "UserAgent", "ConfirmedAt", "PublishedAt")
            VALUES ({letter.Id}, 1, 'Published', 'Form', 'Old Unlisted', 'Old.Unlisted@Example.org', 'old.unlisted@example.org',
                'Old City', 'GH', 0, 'old unlisted', {ticks}, 1, 0, 0, 0, 0, '198.51.100.7', 'Old/1.0', {ticks}, {ticks}),
                ({letter.Id}, 1, 'Published', 'Form', 'Old Listed', 'old.listed@example.org', 'old.listed@example.org',
                'Listed City', 'GH', 1, 'old listed', {ticks}, 1, 0, 0, 0, 0, NULL, NULL, {ticks}, {ticks});
            INSERT INTO "Outbox" ("ToAddress", "ToName", "Subject", "TextBody", "CreatedAt", "Attempts", "NextAttemptAt")
            VALUES ('old.unlisted@example.org', 'Old Unlisted', 'Please confirm', 'https://petition.test/confirm/old-live-token', {ticks}, 0, {ticks + TimeSpan.TicksPerDay});
            """);

        await SchemaUpgrade.MigrateAsync(db, scope.ServiceProvider.GetRequiredService<PersonalDataKeys>(), CancellationToken.None);

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(app.Database.ConnectionString).DataSource;
        await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE); VACUUM;");
        var copy = await File.ReadAllTextAsync(file);
        foreach (var secret in new[] { "old.unlisted@example.org", "Old Unlisted", "Old City", "198.51.100.7", "old-live-token", "old.listed@example.org" })
            Assert.DoesNotContain(secret, copy, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Old Listed", copy); // public, and so in the clear

        var hash = app.AddressHash("old.unlisted@example.org");
        var found = await app.Db(d => d.Signatures.AsNoTracking().SingleAsync(s => s.EmailHash == hash));
        Assert.Equal(("Old Unlisted", "Old.Unlisted@Example.org", "Old City", "198.51.100.7"), (found.Name, found.Email, found.City, found.IpAddress));
        var mail = await app.Db(d => d.Outbox.AsNoTracking().SingleAsync(m => m.SentAt == null));
        Assert.Equal("old.unlisted@example.org", mail.ToAddress);
        Assert.Contains("old-live-token", mail.TextBody);
    }
}
