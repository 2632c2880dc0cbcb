using System.Net;
using Petition.Tests.Infrastructure;

namespace Petition.Tests.Admin;

public class ModeratorTwoFactorTests
{
    [Fact]
    public async Task When_configured_a_moderator_without_two_factor_is_sent_to_set_it_up()
    {
        await using var app = await PetitionApp.StartAsync(settings: new() { ["Accounts:RequireTwoFactorForModerators"] = "true" });
        var client = await app.SignInAsync(await app.CreateModeratorAsync());
        var console = await client.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Redirect, console.StatusCode);
        Assert.Equal("/Account/TwoFactor", console.Headers.Location!.OriginalString);

        var withCode = await app.SignInAsync(await app.CreateModeratorAsync(twoFactor: true));
        Assert.Equal(HttpStatusCode.OK, (await withCode.GetAsync("/admin")).StatusCode);
    }
}
