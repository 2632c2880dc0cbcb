using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Petition.Tests.Infrastructure;

/// <summary>
/// Debian's nginx on a loopback port, caching as deploy/nginx.conf does, in front of the given instances. Its
/// configuration, cache and logs live in a folder of its own, removed afterwards.
/// </summary>
public sealed class NginxProxy : IAsyncDisposable
{
    public const string Binary = "/usr/sbin/nginx";
    readonly Process process;
    readonly string directory;

    public string BaseUrl { get; }

    NginxProxy(Process process, string directory, string baseUrl) => (this.process, this.directory, BaseUrl) = (process, directory, baseUrl);

    public static async Task<NginxProxy> StartAsync(IReadOnlyList<string> upstreams)
    {
        Assert.True(File.Exists(Binary), "nginx is missing: scripts/test.sh installs it (apt-get install nginx-light)");
        var directory = Path.Combine(Path.GetTempPath(), "petition-nginx-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(directory);
        // nginx's workers may run as another user than the tests: they must be able to write the cache.
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(directory, (UnixFileMode)0b111_111_111);
        var port = LoopbackPorts.Free();
        var servers = string.Join("\n", upstreams.Select(u => $"        server {new Uri(u).Authority};"));
        var shipped = File.ReadAllText(Path.Combine(RepositoryRoot(), "deploy", "nginx-cache.conf"));
        File.WriteAllText(Path.Combine(directory, "nginx.conf"), $$"""
            worker_processes 1;
            daemon off;
            pid {{directory}}/nginx.pid;
            error_log {{directory}}/error.log warn;
            events { worker_connections 1024; }
            http {
                access_log off;
                client_body_temp_path {{directory}}/body;
                proxy_temp_path {{directory}}/proxy;
                fastcgi_temp_path {{directory}}/fastcgi;
                uwsgi_temp_path {{directory}}/uwsgi;
                scgi_temp_path {{directory}}/scgi;
                proxy_cache_path {{directory}}/cache levels=1:2 keys_zone=petition:10m max_size=100m inactive=10m use_temp_path=off;
                upstream petition {
            {{servers}}
                    keepalive 16;
                }
                server {
                    listen 127.0.0.1:{{port}};
                    location / {
                        proxy_pass http://petition;
                        proxy_http_version 1.1;
                        proxy_set_header Connection "";
                        proxy_set_header Host $host;
            {{shipped}}
                    }
                }
            }
            """);
        var process = Process.Start(new ProcessStartInfo(Binary, ["-c", Path.Combine(directory, "nginx.conf"), "-p", directory])
        {
            RedirectStandardError = true, RedirectStandardOutput = true,
        })!;
        var proxy = new NginxProxy(process, directory, $"http://127.0.0.1:{port}");
        // Ready once it answers; nginx starts in milliseconds, a busy machine may take longer.
        using var probe = new HttpClient { BaseAddress = new Uri(proxy.BaseUrl) };
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await probe.GetAsync("/healthz");
                return proxy;
            }
            catch (HttpRequestException) when (attempt < 200 && !process.HasExited)
            {
                await Task.Delay(50); // nginx is another process on the real clock: its start is polled
            }
            catch (HttpRequestException)
            {
                var log = Path.Combine(directory, "error.log");
                throw new InvalidOperationException("nginx did not start: " + (File.Exists(log) ? File.ReadAllText(log) : await process.StandardError.ReadToEndAsync()));
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
            process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
        try { Directory.Delete(directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }


    static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Petition.sln")))
                return dir.FullName;
        throw new InvalidOperationException("Petition.sln not found above " + AppContext.BaseDirectory);
    }
}
