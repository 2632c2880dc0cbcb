using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Petition.Tests.Infrastructure;
using Petition.Web.Seals;

namespace Petition.Tests.Browser;

/// <summary>
/// The verify page checks a receipt in the reader's browser and asks nothing of any server while it does: a true
/// receipt holds, one whose entry or path was altered fails and says why.
/// </summary>
public class VerifyReceiptInChromiumTests
{
    [Fact]
    public async Task A_receipt_is_checked_in_the_browser_without_a_request_and_an_altered_one_fails()
    {
        await using var app = await PetitionApp.StartOnSocketAsync();
        await using var session = await BrowserSession.LaunchAsync();
        var letter = await app.AddLetterAsync(Signer.Unique("verify"));
        var email = $"{Signer.Unique("verify")}@example.org";
        Assert.Equal(HttpStatusCode.Accepted, (await app.Client().SignByApiAsync(letter.Slug, Signer.ApiBody("Nadia Karimi", email))).StatusCode);
        await app.Client().ConfirmAsync(await app.ConfirmationPathAsync(email));
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ListSealing>().SealAsync(letter, "test", CancellationToken.None);
        var receipt = await app.Client().GetStringAsync(Signer.ManagePathIn(await app.Smtp.WaitForAsync(email)) + "/receipt");

        var page = await session.Browser.NewPageAsync();
        await page.GotoAsync($"{app.BaseUrl}/verify");
        Assert.Empty(await Axe.ViolationsAsync(page));
        var requests = new System.Collections.Concurrent.ConcurrentQueue<string>(); // filled on the browser's event thread
        page.Request += (_, request) => requests.Enqueue(request.Url);
        var result = page.Locator("#verify-result");

        await page.GetByLabel("Or paste the receipt").FillAsync(receipt);
        await page.GetByRole(AriaRole.Button, new() { Name = "Check", Exact = true }).ClickAsync();
        await Assertions.Expect(result).ToContainTextAsync("The receipt holds: this entry is in seal 1");
        await Assertions.Expect(result).ToContainTextAsync("Nadia Karimi");

        await page.GetByLabel("Or paste the receipt").FillAsync(receipt.Replace("Nadia Karimi", "Nadia Karim"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Check", Exact = true }).ClickAsync();
        await Assertions.Expect(result).ToContainTextAsync("do not lead to the sealed root");

        await page.GetByLabel("Or paste the receipt").FillAsync("{ \"not\": \"a receipt\" }");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check", Exact = true }).ClickAsync();
        await Assertions.Expect(result).ToContainTextAsync("This is not a receipt from this site.");
        Assert.Empty(requests);
    }
}
