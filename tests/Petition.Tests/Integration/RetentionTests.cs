using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Petition.Data.Signatures;
using Petition.Tests.Infrastructure;
using Petition.Web.Privacy;

namespace Petition.Tests.Integration;

public class RetentionTests
{
    [Fact]
    public async Task Unconfirmed_signatures_are_purged_after_a_week_and_request_data_after_a_month()
    {
        await using var app = await PetitionApp.StartAsync();
        var client = app.Client();
        var letter = await app.AddLetterAsync(Signer.Unique("retention"));
        await client.SignByApiAsync(letter.Slug, Signer.ApiBody("Never Confirms", "never@example.org"));
        await client.SignByApiAsync(letter.Slug, Signer.ApiBody("Does Confirm", "does@example.org"));
        await client.ConfirmAsync(await app.ConfirmationPathAsync("does@example.org"));
        await app.Db(async db =>
        {
            foreach (var signature in await db.Signatures.Where(s => s.LetterId == letter.Id).ToListAsync())
                (signature.IpAddress, signature.UserAgent) = ("203.0.113.9", "Test/1.0");
            await db.SaveChangesAsync();
        });
        var sweep = app.Services.GetRequiredService<RetentionSweep>();

        // The sweep also runs by itself as the clock passes its interval; calling it here makes the moment certain.
        async Task<List<string>> Names() => (await app.Db(db => db.Signatures.Where(s => s.LetterId == letter.Id).OrderBy(s => s.Id).ToListAsync()))
            .Select(s => s.Name).ToList();
        app.Clock.Advance(TimeSpan.FromDays(6));
        await sweep.SweepAsync(default);
        Assert.Equal(["Never Confirms", "Does Confirm"], await Names());

        app.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        await sweep.SweepAsync(default);
        Assert.Equal(["Does Confirm"], await Names());
        Assert.Equal("203.0.113.9", (await app.Db(db => db.Signatures.SingleAsync(s => s.LetterId == letter.Id))).IpAddress);

        app.Clock.Advance(TimeSpan.FromDays(23));
        await sweep.SweepAsync(default);
        var kept = await app.Db(db => db.Signatures.SingleAsync(s => s.LetterId == letter.Id));
        Assert.Null(kept.IpAddress);
        Assert.Null(kept.UserAgent);
        Assert.Equal(SignatureState.Published, kept.State);
    }

    [Fact]
    public async Task The_letters_privacy_notice_follows_its_settings()
    {
        await using var app = await PetitionApp.StartAsync(settings: new() { ["Privacy:UnconfirmedRetention"] = "3.00:00:00" });
        var letter = await app.AddLetterAsync(Signer.Unique("notice"), l =>
        {
            l.Fields = l.Fields with { City = new(Petition.Data.Letters.FieldMode.Optional, Public: true) };
            l.IdentificationNote = "Affiliations are for identification only.";
        });
        var text = (await app.Client().GetDocumentAsync($"/letters/{letter.Slug}/privacy")).QuerySelector("main")!.TextContent;
        Assert.Contains("3 days", text);
        Assert.Contains("title, organisation, country, city", text);
        Assert.Contains("Affiliations are for identification only.", text);
    }
}
