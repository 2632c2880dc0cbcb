using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Petition.Tests.Admin;
using Petition.Tests.Infrastructure;

namespace Petition.Tests.Adversary;

/// <summary>
/// The robot check as a person and as a robot meet it, on the app's clock: a person who was shown the form is never
/// dropped (a mistake corrected, or autofill, is through on the next send); a stamp cannot be kept for ever, carried
/// to another letter or spent twice; every refusal is said on the page and counted for the organisers.
/// </summary>
public class FormTimingTests
{
    static Task<PetitionApp> StartAsync() => PetitionApp.StartAsync(settings: new() { ["Signing:MinimumFillTime"] = "00:00:08" });

    static async Task<(HttpClient Client, IHtmlDocument Page, string Url)> OpenAsync(PetitionApp app, string slug)
    {
        var client = app.Client();
        var url = $"/letters/{slug}";
        return (client, await client.GetDocumentAsync(url), url);
    }

    static Task<bool> StoredAsync(PetitionApp app, string email) => app.Db(db => db.Signatures.AnyAsync(s => s.EmailHash == app.AddressHash(email)));

    [Fact]
    public async Task A_signer_who_forgot_the_consent_box_and_sends_again_at_once_is_signed()
    {
        await using var app = await StartAsync();
        var letter = await app.AddLetterAsync(Signer.Unique("consent"));
        var (client, page, url) = await OpenAsync(app, letter.Slug);
        var email = $"{Signer.Unique("forgot")}@example.org";
        var values = Signer.FormValues("Forgot Consent", email);
        values.Remove("Input.AcceptPrivacy");

        app.Clock.Advance(TimeSpan.FromSeconds(20)); // filling the form
        var error = await (await client.SubmitAsync(page, url, values)).ReadDocumentAsync();
        Assert.NotNull(error.QuerySelector(".error-summary"));

        app.Clock.Advance(TimeSpan.FromSeconds(2)); // ticks the box and sends again
        var sent = await client.SubmitAsync(error, url, new Dictionary<string, string> { ["Input.AcceptPrivacy"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.True(await StoredAsync(app, email));
    }

    [Fact]
    public async Task An_autofilled_form_sent_at_once_comes_back_with_what_was_typed_and_goes_through_next_time()
    {
        await using var app = await StartAsync();
        var letter = await app.AddLetterAsync(Signer.Unique("autofill"));
        var (client, page, url) = await OpenAsync(app, letter.Slug);
        var email = $"{Signer.Unique("autofill")}@example.org";

        app.Clock.Advance(TimeSpan.FromSeconds(1));
        var back = await client.SubmitAsync(page, url, Signer.FormValues("Quick Fingers", email));
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        var shown = await back.ReadDocumentAsync();
        Assert.Contains("sent by a person", shown.QuerySelector(".error-summary")!.TextContent);
        Assert.Equal(email, ((IHtmlInputElement)shown.QuerySelector("#Input_Email")!).Value);
        Assert.False(await StoredAsync(app, email));

        // Shown the form once, they are never taken for a robot by the clock again, however quick.
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(shown, url)).StatusCode);
        Assert.True(await StoredAsync(app, email));
    }

    [Fact]
    public async Task A_stamp_is_spent_once_belongs_to_its_letter_and_grows_old()
    {
        await using var app = await StartAsync();
        var letter = await app.AddLetterAsync(Signer.Unique("stamp"));
        var other = await app.AddLetterAsync(Signer.Unique("other"));
        var (client, page, url) = await OpenAsync(app, letter.Slug);
        app.Clock.Advance(TimeSpan.FromSeconds(30));

        var first = $"{Signer.Unique("first")}@example.org";
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(page, url, Signer.FormValues("First Use", first))).StatusCode);
        var again = $"{Signer.Unique("again")}@example.org";
        Assert.Equal(HttpStatusCode.OK, (await client.SubmitAsync(page, url, Signer.FormValues("Second Use", again))).StatusCode);
        Assert.False(await StoredAsync(app, again));

        var carried = $"{Signer.Unique("carried")}@example.org";
        var (_, otherPage, _) = await OpenAsync(app, other.Slug);
        var stamp = ((IHtmlInputElement)page.QuerySelector("input[name='Input.Started']")!).Value;
        ((IHtmlInputElement)otherPage.QuerySelector("input[name='Input.Started']")!).Value = stamp;
        Assert.Equal(HttpStatusCode.OK, (await client.SubmitAsync(otherPage, $"/letters/{other.Slug}", Signer.FormValues("Carried Over", carried))).StatusCode);
        Assert.False(await StoredAsync(app, carried));

        var (_, fresh, _) = await OpenAsync(app, other.Slug);
        app.Clock.Advance(TimeSpan.FromDays(2));
        var late = $"{Signer.Unique("late")}@example.org";
        var lateBack = await client.SubmitAsync(fresh, $"/letters/{other.Slug}", Signer.FormValues("Left Open", late));
        Assert.Contains("open for a long time", (await lateBack.ReadDocumentAsync()).QuerySelector(".error-summary")!.TextContent);
        Assert.False(await StoredAsync(app, late));
    }

    [Fact]
    public async Task A_refusal_is_counted_on_the_letters_dashboard()
    {
        await using var app = await StartAsync();
        var letter = await app.AddLetterAsync(Signer.Unique("tally"));
        var (client, page, url) = await OpenAsync(app, letter.Slug);
        var values = Signer.FormValues("Honey Pot", $"{Signer.Unique("pot")}@example.org");
        values["Input.Website"] = "http://spam.example";
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.OK, (await client.SubmitAsync(page, url, values)).StatusCode);

        var admin = await app.SignInAsync(await app.CreateAdminAsync());
        var dashboard = await admin.GetDocumentAsync($"/admin/letters/{letter.Slug}");
        Assert.Equal("1", dashboard.QuerySelector("#robot-refusals")!.TextContent);
    }
}
