using Microsoft.Data.Sqlite;
using Npgsql;

namespace Petition.Web.Database;

/// <summary>
/// Turns "the database cannot be reached" into 503 with Retry-After, and "someone changed this a moment before" into
/// 409, for pages and API alike: the status-code pages around this middleware then write the friendly page or the
/// problem+json body. Any other failure stays a 500.
/// </summary>
public class DatabaseUnavailable(RequestDelegate next, ILogger<DatabaseUnavailable> logger)
{
    public const int RetryAfterSeconds = 5;

    public async Task InvokeAsync(HttpContext http)
    {
        try
        {
            await next(http);
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException) when (!http.Response.HasStarted)
        {
            // Another request moved the same signature a moment before (its state is a concurrency token): nothing
            // of this one was saved. 409, and the page says to look again.
            logger.LogInformation("{Method} {Path} changed a record another request had just changed; answered 409", http.Request.Method, Observability.LoggedPath.Of(http));
            http.Response.Clear();
            http.Response.StatusCode = StatusCodes.Status409Conflict;
        }
        catch (Exception e) when (!http.Response.HasStarted
            && (IsUnavailable(e) || e is OperationCanceledException && !http.RequestAborted.IsCancellationRequested))
        {
            // A cancellation the client did not ask for is a timeout on our side, such as a connection that could
            // not be opened in time: the server is overloaded or the database is away, and the client may retry.
            logger.LogWarning("The database is unavailable or too slow; answered 503 to {Method} {Path}: {Error}",
                http.Request.Method, Observability.LoggedPath.Of(http), e.GetBaseException().Message);
            http.Response.Clear();
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString();
        }
    }

    /// <summary>A connection that cannot be opened, broke, or timed out; not a mistake in a query.</summary>
    public static bool IsUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case NpgsqlException { IsTransient: true }:
                case SqliteException { SqliteErrorCode: 5 or 6 }: // SQLITE_BUSY, SQLITE_LOCKED: the writer held on too long
                    return true;
            }
        }
        return false;
    }
}

public static class DatabaseUnavailableExtensions
{
    public static IApplicationBuilder UseDatabaseUnavailable(this IApplicationBuilder app) =>
        app.UseMiddleware<DatabaseUnavailable>();
}
