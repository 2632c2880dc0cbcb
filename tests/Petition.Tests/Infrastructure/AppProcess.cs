using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Petition.Tests.Infrastructure;

/// <summary>
/// The app in a process of its own, run from the build output as `dotnet Petition.Web.dll` on PostgreSQL, for drills
/// that an in-process test host cannot stage, such as the process being killed.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    readonly Process process;

    public HttpClient Client { get; }

    AppProcess(Process process, Uri baseAddress)
    {
        this.process = process;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public static async Task<AppProcess> StartAsync(TestDatabase database, string mailDirectory)
    {
        var port = LoopbackPorts.Free();
        var start = new ProcessStartInfo("dotnet", "Petition.Web.dll")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["DOTNET_GENERATE_ASPNET_CERTIFICATE"] = "false",
            ["Database__Provider"] = database.Provider,
            ["ConnectionStrings__Petition"] = database.ConnectionString,
            ["Keys__KeyFile"] = database.KeyFile,
            ["Database__MigrateOnStart"] = "true",
            ["RateLimiting__Enabled"] = "false",
            ["Email__Smtp__Host"] = "",
            ["Email__PickupDirectory"] = mailDirectory,
            ["Logging__LogLevel__Default"] = "Warning",
            ["Metrics__Enabled"] = "false",
        };
        foreach (var (key, value) in environment)
            start.Environment[key] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var app = new AppProcess(process, new Uri($"http://127.0.0.1:{port}"));
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"The app exited with code {process.ExitCode} before it answered.");
            try
            {
                if ((await app.Client.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK)
                    return app;
            }
            catch (HttpRequestException) { /* not listening yet */ }
            if (DateTime.UtcNow > deadline)
            {
                await app.DisposeAsync();
                throw new TimeoutException("The app did not answer /healthz within a minute.");
            }
            await Task.Delay(200);
        }
    }

    /// <summary>SIGKILL: no shutdown, no flush, nothing the app can do about it.</summary>
    public void Kill()
    {
        process.Kill(); // on Linux, Process.Kill sends SIGKILL
        process.WaitForExit();
    }

    public ValueTask DisposeAsync()
    {
        if (!process.HasExited)
            Kill();
        process.Dispose();
        Client.Dispose();
        return ValueTask.CompletedTask;
    }

}
