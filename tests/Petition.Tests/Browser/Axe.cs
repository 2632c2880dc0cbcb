using System.Text.Json;
using Microsoft.Playwright;

namespace Petition.Tests.Browser;

/// <summary>
/// axe-core, installed from npm into tests/Petition.Tests/axe (scripts/test.sh runs npm ci there) and handed to the
/// browser by the test itself: the app never serves it, and no page loads it from a CDN.
/// </summary>
public static class Axe
{
    /// <summary>WCAG 2.0, 2.1 and 2.2 at levels A and AA.</summary>
    static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    static readonly Lazy<string> Source = new(() => File.ReadAllText(Find()));

    /// <summary>The violations on the page as it is now, one line per rule with the elements that break it.</summary>
    public static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page)
    {
        // Evaluated by the test driver, so the page's own policy (script-src 'self') is left as it is.
        await page.EvaluateAsync(Source.Value);
        var violations = await page.EvaluateAsync<JsonElement>("""
            async tags => (await axe.run(document, { runOnly: { type: "tag", values: tags } })).violations.map(v =>
                `${v.id} (${v.impact}): ${v.help} -> ${v.nodes.map(n => n.target.join(" ") + " " + (n.failureSummary || "").replace(/\s+/g, " ")).join(" | ")}`)
            """, Tags);
        return violations.EnumerateArray().Select(v => $"{page.Url}: {v.GetString()}").ToList();
    }

    static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "axe", "node_modules", "axe-core", "axe.min.js");
            if (File.Exists(path))
                return path;
        }
        throw new FileNotFoundException("axe-core is missing: run `npm ci` in tests/Petition.Tests/axe (scripts/test.sh does).");
    }
}
