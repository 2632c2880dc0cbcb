using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using OpenTelemetry.Exporter;
using Petition.Data;
using Petition.Data.Letters;
using Petition.Web.Letters;

namespace Petition.Tests.Infrastructure;

/// <summary>
/// The whole app over HTTP on its own database, with a real SMTP server receiving its mail and a clock the test
/// moves by hand.
/// </summary>
public class PetitionApp : WebApplicationFactory<Program>
{
    public TestDatabase Database { get; }
    public SmtpSink Smtp { get; }
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero));
    readonly Dictionary<string, string?> settings;
    Action<IServiceCollection>? extraServices;

    /// <summary>Requests that reached this instance, by path: what a proxy in front of it let through.</summary>
    public ConcurrentDictionary<string, int> Reached { get; } = new();

    protected PetitionApp(TestDatabase database, SmtpSink smtp, Dictionary<string, string?>? extra = null)
    {
        Database = database;
        Smtp = smtp;
        settings = new()
        {
            ["Database:Provider"] = database.Provider,
            ["Database:MigrateOnStart"] = "true",
            ["ConnectionStrings:Petition"] = database.ConnectionString,
            ["Keys:KeyFile"] = database.KeyFile,
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = smtp.Port.ToString(),
            ["Email:Smtp:Security"] = "None",
            ["Email:PollInterval"] = "00:00:00.100",
            ["Site:PublicBaseUrl"] = "http://petition.test",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Signing:MinimumFillTime"] = "00:00:00",
            ["RateLimiting:Enabled"] = "false",
        };
        foreach (var (key, value) in extra ?? [])
            settings[key] = value;
    }

    public static async Task<PetitionApp> StartAsync(TestDatabase? database = null, Dictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        var app = new PetitionApp(database ?? TestDatabase.Sqlite(), await SmtpSink.StartAsync(), settings) { extraServices = services };
        app.StartServer();
        return app;
    }

    /// <summary>The app on a real loopback socket, for a real browser; links in its emails point at that socket.</summary>
    public static async Task<PetitionApp> StartOnSocketAsync(Dictionary<string, string?>? settings = null, TestDatabase? database = null)
    {
        var port = LoopbackPorts.Free();
        var baseUrl = $"http://127.0.0.1:{port}";
        var all = new Dictionary<string, string?>(settings ?? []);
        all.TryAdd("Site:PublicBaseUrl", baseUrl); // unless the test chose one (the screenshots show a stable address)
        var app = new PetitionApp(database ?? TestDatabase.Sqlite(), await SmtpSink.StartAsync(), all) { BaseUrl = baseUrl };
        app.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        app.StartServer();
        return app;
    }

    public string BaseUrl { get; private init; } = "http://petition.test";


    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in settings)
            builder.UseSetting(key, value);
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IStartupFilter>(new CountRequests(Reached));
            extraServices?.Invoke(services);
            // A scrape answers from a cache for 300 ms of real time: a test reads the figures as they are now.
            services.Configure<PrometheusAspNetCoreOptions>(o => o.ScrapeResponseCacheDurationMilliseconds = 0);
        });
    }

    public HttpClient Client() => Patient(CreateDefaultClient(new Uri(BaseUrl), new HangReport(), new CookieContainerHandler()));

    /// <summary>A first-time visitor whose browser asks for this language (or none), and who keeps no cookie.</summary>
    public HttpClient Visitor(string? acceptLanguage = null)
    {
        var client = Patient(CreateDefaultClient(new Uri(BaseUrl), new HangReport()));
        if (acceptLanguage is not null)
            client.DefaultRequestHeaders.Add("Accept-Language", acceptLanguage);
        return client;
    }

    /// <summary>No redirect is followed (a test looks at each answer); a hang is reported by <see cref="HangReport"/>, not the client.</summary>
    static HttpClient Patient(HttpClient client)
    {
        client.Timeout = Timeout.InfiniteTimeSpan;
        return client;
    }

    public async Task<T> Db<T>(Func<PetitionDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<PetitionDbContext>());
    }

    public Task Db(Func<PetitionDbContext, Task> action) => Db(async db => { await action(db); return true; });

    /// <summary>A letter of the test's own, built from the sample and changed as the test needs.</summary>
    public async Task<Letter> AddLetterAsync(string slug, Action<Letter>? configure = null)
    {
        var letter = SampleLetter.Create(Clock.GetUtcNow());
        letter.Slug = slug;
        configure?.Invoke(letter);
        await Db(async db =>
        {
            db.Letters.Add(letter);
            await db.SaveChangesAsync();
            db.LetterVersionTranslations.AddRange(LetterVersionTranslation.OfCurrent(letter)); // as the translator records them
            await db.SaveChangesAsync();
        });
        return letter;
    }

    /// <summary>The keyed hash the database finds a signer's address by (it holds no address).</summary>
    public string AddressHash(string email) =>
        Services.GetRequiredService<Petition.Web.Keys.PersonalDataKeys>().AddressHash(Petition.Web.Text.EmailAddress.Canonicalize(email));

    /// <summary>Gives a signature written straight to the database the hashes the app finds it by.</summary>
    public void Identify(Petition.Data.Signatures.Signature signature, string email) =>
        Services.GetRequiredService<Petition.Web.Keys.PersonalDataKeys>().Identify(signature, Petition.Web.Text.EmailAddress.Canonicalize(email));

    /// <summary>The keyed hash of an outbox message's recipient.</summary>
    public string RecipientHash(string email) =>
        Petition.Data.Outbox.OutboxMessage.RecipientHash(Services.GetRequiredService<Petition.Data.Sealing.IPersonalDataSeal>(), email);

    public Task<int> SignatureCountAsync(string slug) =>
        Db(db => db.Signatures.CountAsync(s => s.Letter.Slug == slug));

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
        await Database.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    sealed class CountRequests(ConcurrentDictionary<string, int> reached) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, inner) =>
            {
                reached.AddOrUpdate(http.Request.Path.Value ?? "", 1, (_, n) => n + 1);
                return inner();
            });
            next(app);
        };
    }
}
