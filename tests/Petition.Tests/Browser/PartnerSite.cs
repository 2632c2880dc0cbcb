using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Petition.Tests.Browser;

/// <summary>
/// A partner organisation's site on a second loopback origin: one page that frames a letter's embed and shows the
/// count it reads from the API, as a partner would build it.
/// </summary>
public sealed class PartnerSite : IAsyncDisposable
{
    readonly WebApplication app;
    public string Origin { get; }

    PartnerSite(WebApplication app, string origin) => (this.app, Origin) = (app, origin);

    public static async Task<PartnerSite> StartAsync(string embedUrl, string countUrl)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapGet("/", () => Results.Content($$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Partner</title></head>
            <body>
              <h1>Our campaign</h1>
              <iframe src="{{embedUrl}}" title="The open letter" width="400" height="300"></iframe>
              <p>Signatures: <span id="count">?</span></p>
              <script>
                fetch("{{countUrl}}").then(r => r.json()).then(j => document.getElementById("count").textContent = j.signatureCount);
              </script>
            </body></html>
            """, "text/html"));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new PartnerSite(app, new Uri(address).GetLeftPart(UriPartial.Authority));
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
