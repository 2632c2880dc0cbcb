using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Petition.Data.Letters;
using Petition.Tests.Admin;
using Petition.Tests.Infrastructure;
using Petition.Web.Keys;
using Petition.Web.Privacy;

namespace Petition.Tests.Protection;

/// <summary>
/// After the letter's work is done its signers' addresses go, as its privacy notice says before anyone signs; and a
/// new key re-seals everything, resumably, without the app losing a value.
/// </summary>
public class ContactRetentionAndRotationTests
{
    [Fact]
    public async Task The_days_after_closing_that_the_organiser_set_erase_every_address_and_keep_the_list_and_the_count()
    {
        await using var app = await PetitionApp.StartAsync();
        var letter = await app.AddLetterAsync(Signer.Unique("retain"), l =>
        {
            l.ClosesAt = app.Clock.GetUtcNow().AddDays(2);
            l.ContactRetentionDays = 30;
        });
        Assert.NotNull((await app.Visitor().GetDocumentAsync($"/letters/{letter.Slug}/privacy")).QuerySelector("#contact-retention"));
        var email = $"{Signer.Unique("gone")}@example.org";
        await app.Client().SignByApiAsync(letter.Slug, Signer.ApiBody("Zanele Kept-Name", email));
        await app.Client().ConfirmAsync(await app.ConfirmationPathAsync(email));
        var sweep = app.Services.GetRequiredService<RetentionSweep>();

        app.Clock.Advance(TimeSpan.FromDays(31)); // closed a day ago plus 29 days: not yet
        await sweep.SweepAsync(default);
        Assert.Equal(1, await app.Db(db => db.Signatures.CountAsync(s => s.EmailHash == app.AddressHash(email))));

        app.Clock.Advance(TimeSpan.FromDays(2));
        await sweep.SweepAsync(default);
        var kept = await app.Db(db => db.Signatures.AsNoTracking().SingleAsync(s => s.LetterId == letter.Id));
        Assert.Equal(("", null, null), (kept.Email, kept.SealedEmail, kept.IpAddress));
        Assert.StartsWith("erased:", kept.EmailHash);
        Assert.Equal("Zanele Kept-Name", kept.Name);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Contains("Zanele Kept-Name", await app.Visitor().GetStringAsync($"/api/letters/{letter.Slug}/signatures"));
        var admin = await app.SignInAsync(await app.CreateAdminAsync());
        Assert.DoesNotContain(email, await admin.GetStringAsync($"/admin/letters/{letter.Slug}/export?handler=Download&scope=Full&format=Csv"));
    }

    [Fact]
    public async Task Rotating_the_key_re_seals_everything_and_a_second_run_finds_nothing_left()
    {
        await using var app = await PetitionApp.StartAsync();
        var letter = await app.AddLetterAsync(Signer.Unique("rotate"));
        var emails = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var email = $"{Signer.Unique("rot")}@example.org";
            emails.Add(email);
            await app.Client().SignByApiAsync(letter.Slug, Signer.ApiBody($"Rotated Signer {i}", email, listPublicly: i != 0));
        }
        await app.DrainOutboxAsync();
        var keys = app.Services.GetRequiredService<PersonalDataKeys>();
        var before = keys.CurrentKeyId;

        var progress = new StringWriter();
        await app.Services.GetRequiredService<KeyRotation>().RunAsync(newKey: true, progress, CancellationToken.None);
        Assert.Equal(before + 1, keys.CurrentKeyId);
        Assert.Contains("signatures: 3 read, 3 re-sealed", progress.ToString());
        var sealedValues = await app.Db(db => db.Signatures.Where(s => s.LetterId == letter.Id)
            .Select(s => new { s.SealedEmail, s.SealedDetails }).ToListAsync());
        Assert.All(sealedValues, v => Assert.Equal(keys.CurrentKeyId, PersonalDataKeys.KeyIdOf(v.SealedEmail!)));

        var again = new StringWriter();
        await app.Services.GetRequiredService<KeyRotation>().RunAsync(newKey: false, again, CancellationToken.None);
        Assert.Contains("signatures: 3 read, 0 re-sealed", again.ToString());
        var opened = await app.Db(db => db.Signatures.AsNoTracking().Where(s => s.LetterId == letter.Id).OrderBy(s => s.Id).ToListAsync());
        Assert.Equal(emails, opened.Select(s => s.Email));
        Assert.Equal("Rotated Signer 0", opened[0].Name);
    }
}
