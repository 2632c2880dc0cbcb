using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Petition.Data;
using Petition.Tests.Infrastructure;
using Petition.Web.Signing;

namespace Petition.Tests.Exports;

/// <summary>
/// The migration that made the export signing key's table the site's keys keeps the key: recipients of files
/// signed before an upgrade, or before a rollback, still verify them against the key the site publishes.
/// </summary>
public abstract class SigningKeyUpgradeTests
{
    protected abstract Task<TestDatabase> DatabaseAsync();

    [Fact]
    public async Task The_published_signing_key_survives_the_site_keys_migration_down_and_up_again()
    {
        var database = await DatabaseAsync();
        await using var before = await PetitionApp.StartAsync(database);
        var key = await before.Client().GetStringAsync("/.well-known/petition-signing-key.pem");
        await using (var scope = before.Services.CreateAsyncScope())
        {
            // The other kind of key too: the old table, whose public half is required, has no room for it.
            scope.ServiceProvider.GetRequiredService<Petition.Web.Keys.PersonalDataKeys>().AddressHash("someone@example.org");
            var db = scope.ServiceProvider.GetRequiredService<PetitionDbContext>();
            var migrations = db.Database.GetMigrations().ToList();
            var previous = migrations[migrations.FindIndex(m => m.EndsWith("_WithdrawnAddresses", StringComparison.Ordinal)) - 1];
            await db.GetService<IMigrator>().MigrateAsync(previous);
            Assert.Equal(1, await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM \"SigningKeys\"").SingleAsync());
        }

        // A new instance on the rolled-back database migrates it up again on start.
        await using var after = await PetitionApp.StartAsync(new TestDatabase { Provider = database.Provider, ConnectionString = database.ConnectionString, KeyFile = database.KeyFile });
        Assert.Equal(key, await after.Client().GetStringAsync("/.well-known/petition-signing-key.pem"));
        // The signing key came back as it was; the address and personal-data keys are made again on start.
        Assert.Equal(1, await after.Db(db => db.SiteKeys.CountAsync(k => k.Id == 1)));
    }
}

public class SqliteSigningKeyUpgradeTests : SigningKeyUpgradeTests
{
    protected override Task<TestDatabase> DatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}

public class PostgresSigningKeyUpgradeTests : SigningKeyUpgradeTests
{
    protected override Task<TestDatabase> DatabaseAsync() => TestDatabase.PostgresAsync();
}
