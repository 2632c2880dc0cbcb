using System.Net;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Petition.Tests.Infrastructure;
using Petition.Web.Admin;

namespace Petition.Tests.Admin;

/// <summary>
/// Every route under /admin, found from the app's own endpoints: a route added later without authorisation fails
/// here without anyone having to remember to list it.
/// </summary>
public class RouteAuthorizationTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    readonly PetitionApp app = fixture.App;

    record AdminRoute(string Pattern, string Url, bool AdminOnly);

    async Task<List<AdminRoute>> AdminRoutesAsync()
    {
        var letter = await app.PreModeratedLetterAsync("routes");
        var signature = (await app.SignaturesAsync(letter, 1))[0];
        var recipient = new Petition.Data.Recipients.Recipient { LetterId = letter.Id, Name = "Permanent Mission of Routes", Emails = ["mission@routes.example"] };
        await app.Db(db => { db.Recipients.Add(recipient); return db.SaveChangesAsync(); });
        var values = new Dictionary<string, string> { ["slug"] = letter.Slug, ["id"] = signature.Id.ToString(), ["recipientId"] = recipient.Id.ToString() };
        return app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("admin", StringComparison.OrdinalIgnoreCase) == true)
            .Select(e => new AdminRoute(e.RoutePattern.RawText!, "/" + string.Join('/', e.RoutePattern.PathSegments.Select(s => Fill(s, values))),
                e.Metadata.GetMetadata<PageActionDescriptor>() is { } page && AdminAccess.IsAdminOnly(page.ViewEnginePath)))
            .ToList();
    }

    static string Fill(RoutePatternPathSegment segment, Dictionary<string, string> values) =>
        string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart parameter => values.GetValueOrDefault(parameter.Name, "1"),
            RoutePatternSeparatorPart separator => separator.Content,
            _ => "",
        }));

    [Fact]
    public async Task Every_admin_route_sends_an_anonymous_visitor_to_sign_in()
    {
        var routes = await AdminRoutesAsync();
        Assert.True(routes.Count >= 8, $"Only {routes.Count} admin routes found.");
        var client = app.Client();
        foreach (var route in routes)
        {
            var response = await client.GetAsync(route.Url);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect
                && response.Headers.Location!.AbsolutePath.Equals("/account/login", StringComparison.OrdinalIgnoreCase),
                $"GET {route.Url} ({route.Pattern}) as anonymous: {(int)response.StatusCode} {response.Headers.Location}");
        }
    }

    [Fact]
    public async Task A_moderator_gets_403_exactly_where_only_admins_may_go_and_an_admin_goes_everywhere()
    {
        var routes = await AdminRoutesAsync();
        Assert.Contains(routes, r => r.AdminOnly);
        Assert.Contains(routes, r => !r.AdminOnly);
        var moderator = await app.SignInAsync(await app.CreateModeratorAsync());
        var admin = await app.SignInAsync(await app.CreateAdminAsync());
        foreach (var route in routes)
        {
            var asModerator = await moderator.GetAsync(route.Url);
            Assert.True(asModerator.StatusCode == (route.AdminOnly ? HttpStatusCode.Forbidden : HttpStatusCode.OK),
                $"GET {route.Url} as moderator: {(int)asModerator.StatusCode}, expected {(route.AdminOnly ? 403 : 200)}");
            var asAdmin = await admin.GetAsync(route.Url);
            Assert.True(asAdmin.StatusCode == HttpStatusCode.OK, $"GET {route.Url} as admin: {(int)asAdmin.StatusCode}");
        }
    }

    [Fact]
    public async Task An_anonymous_post_to_an_admin_handler_changes_nothing()
    {
        var letter = await app.PreModeratedLetterAsync("anon-post");
        var signature = (await app.SignaturesAsync(letter, 1))[0];
        var response = await app.Client().PostAsync($"/admin/letters/{letter.Slug}/signatures?handler=Decide",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["command"] = "approve-filter" }));
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.BadRequest);
        Assert.Equal(Petition.Data.Signatures.SignatureState.AwaitingReview, (await app.SignatureAsync(signature.Id)).State);
    }
}
