using Microsoft.Extensions.Options;

namespace Petition.Web.Database;

/// <summary>Checks the read replica every <see cref="DatabaseOptions.ReplicaCheckInterval"/>, when there is one.</summary>
public class ReplicaCheck(ReadReplica replica, TimeProvider time, IOptions<DatabaseOptions> options, ILogger<ReplicaCheck> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        replica.Configured
            ? PeriodicRounds.RunAsync(options.Value.ReplicaCheckInterval, time, async token => await replica.CheckAsync(token), logger,
                "The read replica check failed; it runs again at the next interval", stoppingToken)
            : Task.CompletedTask;
}
