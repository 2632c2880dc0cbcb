using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Petition.Data.Signatures;
using Petition.Tests.Infrastructure;
using Petition.Web.Updates;

namespace Petition.Tests.Integration;

public class VersionNoticeTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    readonly PetitionApp app = fixture.App;

    [Fact]
    public async Task Signers_of_an_earlier_version_are_told_what_changed_unless_they_unsubscribed()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("version"));
        var client = app.Client();
        string[] emails = [$"{Signer.Unique("v1")}@example.org", $"{Signer.Unique("v2")}@example.org", $"{Signer.Unique("v3")}@example.org"];
        foreach (var email in emails)
        {
            await client.SignByApiAsync(letter.Slug, Signer.ApiBody("Version Signer", email));
            await client.ConfirmAsync(await app.ConfirmationPathAsync(email));
        }
        await app.Db(db => db.Signatures.Where(s => s.EmailHash == app.AddressHash(emails[2])).ExecuteUpdateAsync(s => s.SetProperty(x => x.Unsubscribed, true)));
        await app.Db(db => db.Letters.Where(l => l.Id == letter.Id).ExecuteUpdateAsync(l => l.SetProperty(x => x.Version, 2)));

        await using var scope = app.Services.CreateAsyncScope();
        var queued = await scope.ServiceProvider.GetRequiredService<VersionNotices>().QueueAsync(letter.Id, "Paragraph 3 now names the rapporteur.", default);

        Assert.Equal(2, queued);
        var notice = await app.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == emails[0]) && m.Subject!.StartsWith("The letter you signed has changed"));
        Assert.Contains("Paragraph 3 now names the rapporteur.", notice.TextBody);
        Assert.Contains("/manage/", notice.TextBody);
        await app.DrainOutboxAsync();
        Assert.DoesNotContain(app.Smtp.To(emails[2]), m => m.Subject!.StartsWith("The letter you signed has changed"));
        Assert.True(await app.Db(db => db.Audit.AnyAsync(a => a.LetterId == letter.Id && a.Action == "letter.version-notice")));
    }

    [Fact]
    public async Task Each_signer_is_told_in_the_language_they_signed_in_and_an_existing_signer_too()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("versionfr"));
        var french = $"{Signer.Unique("vfr")}@example.org";
        var chinese = $"{Signer.Unique("vzh")}@example.org";
        var client = app.Client();
        foreach (var (email, language) in new[] { (french, "fr-FR"), (chinese, "zh-CN") })
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/api/letters/{letter.Slug}/signatures")
                { Content = System.Net.Http.Json.JsonContent.Create(Signer.ApiBody("Multi Lingual", email)) };
            request.Headers.Add("Accept-Language", language);
            await client.SendAsync(request);
            await client.ConfirmAsync(await app.ConfirmationPathAsync(email));
        }
        await app.Db(db => db.Letters.Where(l => l.Id == letter.Id).ExecuteUpdateAsync(l => l.SetProperty(x => x.Version, 2)));

        // Queued from the console's (English) side, outside the signers' requests.
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<VersionNotices>().QueueAsync(letter.Id, null, default);

        var frenchNotice = await app.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == french) && m.Subject!.StartsWith("La lettre que vous avez signée a changé"));
        Assert.Contains("Posez les questions difficiles", frenchNotice.Subject);
        Assert.Contains("Votre signature reste telle quelle.", frenchNotice.TextBody);
        // No Chinese translation of this letter: Chinese words around the original title.
        var chineseNotice = await app.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == chinese) && m.Subject!.StartsWith("您签署的公开信已修改"));
        Assert.Contains(letter.Title, chineseNotice.Subject);

        // Signing again with a confirmed address: the "already signed" email, in French.
        var again = new HttpRequestMessage(HttpMethod.Post, $"/api/letters/{letter.Slug}/signatures")
            { Content = System.Net.Http.Json.JsonContent.Create(Signer.ApiBody("Multi Lingual", french)) };
        again.Headers.Add("Accept-Language", "fr");
        await client.SendAsync(again);
        await app.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == french) && m.Subject!.StartsWith("Vous avez déjà signé"));
    }
}
