using Microsoft.Playwright;

namespace Petition.Tests.Browser;

/// <summary>Debian's Chromium, driven by Playwright; it never downloads a browser and never leaves the machine.</summary>
public sealed class BrowserSession : IAsyncDisposable
{
    public IPlaywright Playwright { get; private init; } = null!;
    public IBrowser Browser { get; private init; } = null!;

    public static async Task<BrowserSession> LaunchAsync()
    {
        var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("PETITION_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic"],
        });
        return new BrowserSession { Playwright = playwright, Browser = browser };
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
    }
}
