using System.Diagnostics;
using System.Text;

namespace Petition.Tests.Infrastructure;

/// <summary>
/// A request the in-process test server has not answered in full within <see cref="Patience"/> is reported with
/// what the test process was doing at that moment, taken while the request is still under way (every thread but
/// the idle ones, from dotnet-stack, and every await, from dotnet-dump's dumpasync, both from the repository's tool
/// manifest): an earlier version cancelled first, and the cancellation unwound the very awaits it meant to show.
/// Then the request is abandoned and sent once more; a second stall fails the test with the report. The report of a
/// first stall is written to standard error and to <c>hangs.log</c> beside the test assembly.
/// Why once more: a stall of this kind was seen about once in ten full runs. Its report named the cause (a reader of
/// the signature count waiting on a promised count nobody would run, rewritten in <c>SignatureCounter</c>); the retry
/// stays until more clean runs say that was the only one. The watchdog runs on the wall clock on purpose: it measures
/// the test process's own patience, not the app's time, which a test drives with a fake clock.
/// </summary>
public sealed class HangReport : DelegatingHandler
{
    public static readonly TimeSpan Patience =
        TimeSpan.FromSeconds(int.TryParse(Environment.GetEnvironmentVariable("PETITION_TEST_PATIENCE"), out var s) ? s : 60);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var abandon = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var sending = SendWholeAsync(request, abandon.Token);
            // The wall clock, on purpose: a watchdog on the test process, not a wait the app's behaviour depends on.
            if (await Task.WhenAny(sending, Task.Delay(Patience, cancellationToken)) == sending || cancellationToken.IsCancellationRequested)
                return await sending;
            var report = $"{request.Method} {request.RequestUri} had no whole answer in {Patience.TotalSeconds} s (attempt {attempt}). " +
                $"Threads at that moment:\n{await StacksAsync()}\nAwaits under way:\n{await AwaitsAsync()}";
            await abandon.CancelAsync();
            try { (await sending).Dispose(); } catch (Exception) { /* abandoned */ }
            if (attempt == 2)
                throw new TimeoutException(report);
            await Console.Error.WriteLineAsync("[hang, sent again] " + report);
            await File.AppendAllTextAsync(Path.Combine(AppContext.BaseDirectory, "hangs.log"), report + "\n\n", CancellationToken.None);
        }
    }

    async Task<HttpResponseMessage> SendWholeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        await response.Content.LoadIntoBufferAsync(cancellationToken); // the body too: a stall may come after the headers
        return response;
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
