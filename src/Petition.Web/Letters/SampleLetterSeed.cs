using Microsoft.Extensions.Options;
using Petition.Web.Database;

namespace Petition.Web.Letters;

/// <summary>
/// Gives an empty database its sample letter before the server takes requests, so a newcomer's first page is a
/// working one. Registered after <see cref="DatabaseInitializer"/>, which has made the schema by then.
/// </summary>
public sealed class SampleLetterSeed(IServiceScopeFactory scopes, IOptions<DatabaseOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.SeedSampleLetter)
            return;
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SampleLetter>().EnsureAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
