using System.Diagnostics;
using System.Text;

namespace Petition.Tests.Infrastructure;

/// <summary>
/// A request the app has not answered in full within <see cref="Patience"/> fails the test with what the test
/// process was doing at that moment, from the repository's tool manifest: every thread but the idle ones
/// (dotnet-stack), and every await under way (dotnet-dump's dumpasync), since an await on a task that never
/// completes holds no thread. Both whole: a hang may sit in the framework's code alone. A hang on a busy CI machine then names its place instead of a bare time-out.
/// </summary>
public sealed class HangReport : DelegatingHandler
{
    public static readonly TimeSpan Patience =
        TimeSpan.FromSeconds(int.TryParse(Environment.GetEnvironmentVariable("PETITION_TEST_PATIENCE"), out var s) ? s : 60);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(Patience);
        try
        {
            var response = await base.SendAsync(request, patience.Token);
            await response.Content.LoadIntoBufferAsync(patience.Token); // the body too: a stall may come after the headers
            return response;
        }
        catch (Exception e) when (e is OperationCanceledException or HttpRequestException && patience.IsCancellationRequested
                                  && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"{request.Method} {request.RequestUri} had no whole answer in {Patience.TotalSeconds} s. Threads at that moment:\n{await StacksAsync()}\nAwaits under way:\n{await AwaitsAsync()}", e);
        }
    }

    static async Task<string> StacksAsync() =>
        Busy(await ToolAsync("dotnet-stack", "report", "-p", Environment.ProcessId.ToString()));

    /// <summary>The async state machines under way, grouped by their chain of awaits (a dump of the process, then deleted).</summary>
    static async Task<string> AwaitsAsync()
    {
        var dump = Path.Combine(Path.GetTempPath(), $"petition-hang-{Environment.ProcessId}-{Guid.NewGuid():N}.dmp");
        try
        {
            var collected = await ToolAsync("dotnet-dump", "collect", "-p", Environment.ProcessId.ToString(), "--type", "Heap", "-o", dump);
            if (!File.Exists(dump))
                return collected;
            return await ToolAsync("dotnet-dump", "analyze", dump, "-c", "dumpasync --coalesce", "-c", "exit");
        }
        finally
        {
            File.Delete(dump);
        }
    }

    static async Task<string> ToolAsync(params string[] arguments)
    {
        try
        {
            var start = new ProcessStartInfo("dotnet", arguments)
            {
                RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryRoot(),
            };
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(limit.Token);
            return await output + await error;
        }
        catch (Exception e)
        {
            return $"({arguments[0]} gave nothing: {e.Message})";
        }
    }

    /// <summary>The threads that are doing or waiting on something: a pool thread waiting for work, the socket and timer threads are left out.</summary>
    static string Busy(string report)
    {
        string[] idle = ["LowLevelLifoSemaphore", "WaitForSocketEvents", "TimerQueue", "PortableThreadPool+GateThread", "WaitThread.WaitThreadStart"];
        var kept = new StringBuilder();
        foreach (var thread in report.Split("Thread ", StringSplitOptions.RemoveEmptyEntries))
            if (!idle.Any(thread.Contains))
                kept.Append("Thread ").Append(thread);
        return kept.Length > 0 ? kept.ToString() : report;
    }

    static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "dotnet-tools.json")))
                return dir.FullName;
        return Environment.CurrentDirectory;
    }
}
