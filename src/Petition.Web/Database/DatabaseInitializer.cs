using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Petition.Data;
using Petition.Web.Letters;

namespace Petition.Web.Database;

/// <summary>
/// Runs before the server takes requests: migrates SQLite (or PostgreSQL when asked) and gives an
/// empty database its sample letter, so a newcomer's first page is a working one.
/// </summary>
public class DatabaseInitializer(IServiceScopeFactory scopes, IOptions<DatabaseOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PetitionDbContext>();
        if (options.Value.MigrateOnStart ?? options.Value.IsSqlite)
            await db.Database.MigrateAsync(cancellationToken);
        if (options.Value.IsSqlite) // readers no longer wait for the writer
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        if (options.Value.SeedSampleLetter)
            await scope.ServiceProvider.GetRequiredService<SampleLetter>().EnsureAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
