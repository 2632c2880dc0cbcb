using System.Reflection;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Petition.Tests.Infrastructure;
using Petition.Web.Front;

namespace Petition.Tests.Adversary;

/// <summary>
/// Every public door that takes a POST goes through a rate limit: found from the app's own page models and
/// endpoints, so a form or an API call added later without one fails here without anyone listing it.
/// </summary>
public class EveryDoorLimitedTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    /// <summary>Posts that need no limit of their own: signing out, and the error page a failed post is shown on.</summary>
    static readonly string[] Unlimited = ["Petition.Web.Pages.Account.LogoutModel", "Petition.Web.Pages.StatusModel"];

    [Fact]
    public void Every_public_page_that_takes_a_post_is_behind_a_door()
    {
        var pages = typeof(Petition.Web.Letters.PublicView).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(PageModel)) && !t.Namespace!.StartsWith("Petition.Web.Pages.Admin", StringComparison.Ordinal))
            .Where(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Any(m => m.Name.StartsWith("OnPost", StringComparison.Ordinal)))
            .ToList();
        Assert.Contains(pages, t => t.Name == "FoundingModel"); // the scan finds the pages at all
        var open = pages.Where(t => t.GetCustomAttribute<LimitedAttribute>() is null && !Unlimited.Contains(t.FullName)).Select(t => t.FullName).ToList();
        Assert.True(open.Count == 0, "Public pages taking a POST with no rate limit: " + string.Join(", ", open));
    }

    [Fact]
    public void Every_public_endpoint_that_takes_a_post_is_behind_a_door()
    {
        var posts = fixture.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains("POST") == true)
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("admin", StringComparison.OrdinalIgnoreCase) != true)
            .ToList();
        Assert.NotEmpty(posts);
        var open = posts.Where(e => e.Metadata.GetMetadata<LimitedAttribute>() is null).Select(e => e.RoutePattern.RawText).ToList();
        Assert.True(open.Count == 0, "Public endpoints taking a POST with no rate limit: " + string.Join(", ", open));
    }
}
