namespace Petition.Web.Database;

/// <summary>
/// The loop of a background job that runs a round now and then every interval on the app's clock: a failed round
/// is logged and the next one runs as planned, so one bad moment never stops the job for good.
/// </summary>
/// <remarks>
/// The wait is one delay after each round, not a periodic timer: a periodic timer owes a tick for every interval
/// that passed, so a clock moved on by a year (a test's fake clock, a host back from a long suspend) would pay half
/// a million ticks of a one-minute job before anything else ran. A round that is late runs once.
/// </remarks>
public static class PeriodicRounds
{
    public static async Task RunAsync(TimeSpan every, TimeProvider time, Func<CancellationToken, Task> round, ILogger logger,
        string failure, CancellationToken stoppingToken)
    {
        while (true)
        {
            try
            {
                await round(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "{Failure}", failure);
            }
            try
            {
                await Task.Delay(every, time, stoppingToken); // on the app's TimeProvider: tests move it by hand
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }
}
