using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Petition.Data;

namespace Petition.Web.Database;

/// <summary>
/// Runs before the server takes requests: migrates SQLite (or PostgreSQL when asked) and loads the keys that seal
/// personal data. The sample letter follows (<see cref="Letters.SampleLetterSeed"/>, registered after this).
/// </summary>
public class DatabaseInitializer(IServiceScopeFactory scopes, IOptions<DatabaseOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PetitionDbContext>();
        var keys = scope.ServiceProvider.GetRequiredService<Keys.PersonalDataKeys>();
        if (options.Value.MigrateOnStart ?? options.Value.IsSqlite)
            await SchemaUpgrade.MigrateAsync(db, keys, cancellationToken);
        if (options.Value.IsSqlite) // readers no longer wait for the writer
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        // Before the first request: every load and save of a signature seals or opens with them. Without a database
        // (a migration on PostgreSQL is the operator's step) they are loaded on first use instead.
        try { await keys.LoadAsync(cancellationToken); }
        catch (Exception e) when (DatabaseUnavailable.IsUnavailable(e)) { }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
