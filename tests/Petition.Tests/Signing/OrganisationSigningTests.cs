using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Petition.Data.Letters;
using Petition.Data.Moderation;
using Petition.Data.Signatures;
using Petition.Tests.Admin;
using Petition.Tests.Infrastructure;
using Petition.Web.Abuse;

namespace Petition.Tests.Signing;

/// <summary>
/// Organisations as signatories (issue 14, item 3; decision 030): a person signs on behalf of an organisation and,
/// with the same address, for themselves; both count, apart, on the letter page, in the API and in the export. The
/// organisation's domain is its website's: an address elsewhere is an email like any other.
/// </summary>
public abstract class OrganisationSigningTests(PetitionApp app)
{
    static Dictionary<string, object?> ForOrganisation(string name, string email, string organisation, string website, string role = "Director")
    {
        var body = Signer.ApiBody(name, email);
        body["forOrganization"] = true;
        body["organization"] = organisation;
        body["organizationWebsite"] = website;
        body["title"] = role;
        body["country"] = "FR";
        return body;
    }

    async Task SignAndConfirmAsync(string slug, Dictionary<string, object?> body, int nth = 1)
    {
        var response = await app.Client().SignByApiAsync(slug, body);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await app.Client().ConfirmAsync(await app.ConfirmationPathAsync((string)body["email"]!, nth));
    }

    [Fact]
    public async Task A_person_signs_for_an_organisation_and_for_themselves_and_both_count_apart()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("orgs"), l => l.AcceptsOrganisations = true);
        var domain = $"ngo-{letter.Id}.org";
        await app.ListDomainAsync("Santé sans frontières", domain);
        var jane = $"jane@{domain}";
        await SignAndConfirmAsync(letter.Slug, ForOrganisation("Jane Roe", jane, "Santé Sans Frontières", $"https://www.{domain}/about"));
        // The same address signs again, for herself: a new signature, not "you have already signed".
        await SignAndConfirmAsync(letter.Slug, Signer.ApiBody("Jane Roe", jane), nth: 2);
        // An organisation whose signer writes from an address elsewhere waits for the organisers' check, then is
        // counted, but only "email".
        var bob = $"{Signer.Unique("bob")}@example.org";
        await SignAndConfirmAsync(letter.Slug, ForOrganisation("Bob Stone", bob, "Clinique du Nord", "https://clinique-nord.example"));
        var held = await app.Db(db => db.Signatures.SingleAsync(s => s.LetterId == letter.Id && s.Organization == "Clinique du Nord"));
        Assert.Equal(SignatureState.AwaitingReview, held.State);
        Assert.Contains("no domain the organisers listed", held.ModerationReason);
        var moderator = await app.SignInAsync(await app.CreateModeratorAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await moderator.PostHandlerAsync(Petition.Tests.Admin.Console.SignaturePage(letter.Slug, held.Id), "Decide",
            new Dictionary<string, string> { ["verdict"] = "Approve" })).StatusCode);

        var rows = await app.Db(db => db.Signatures.Where(s => s.LetterId == letter.Id).OrderBy(s => s.Id)
            .Select(s => new { s.ForOrganisation, s.State, s.Verification, s.VerifiedDomain, s.Website }).ToListAsync());
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal(SignatureState.Published, r.State));
        Assert.Equal((true, Verification.Institutional, domain), (rows[0].ForOrganisation, rows[0].Verification, rows[0].VerifiedDomain));
        Assert.Equal((false, Verification.Email), (rows[1].ForOrganisation, rows[1].Verification));
        Assert.Equal((true, Verification.Email, (string?)null), (rows[2].ForOrganisation, rows[2].Verification, rows[2].VerifiedDomain));

        // Signing for the same organisation again with the same address is the same signature: no third row.
        Assert.Equal(HttpStatusCode.Accepted, (await app.Client().SignByApiAsync(letter.Slug,
            ForOrganisation("Jane Roe", jane, "Santé Sans Frontières", $"https://{domain}"))).StatusCode);
        await app.Smtp.WaitForAsync(m => m.To.ToString().Contains(jane) && (m.TextBody ?? "").Contains("has already signed and confirmed"));
        Assert.Equal(3, await app.Db(db => db.Signatures.CountAsync(s => s.LetterId == letter.Id)));

        // The API: the letter's counts apart, and the list by kind with each organisation's website.
        var detail = await app.Visitor().GetFromJsonAsync<JsonElement>($"/api/letters/{letter.Slug}");
        Assert.Equal(3, detail.GetProperty("signatureCount").GetInt32());
        Assert.Equal(2, detail.GetProperty("organizationCount").GetInt32());
        Assert.Equal(1, detail.GetProperty("individualCount").GetInt32());
        Assert.True(detail.GetProperty("acceptsOrganizations").GetBoolean());
        var organisations = await app.Visitor().GetFromJsonAsync<JsonElement>($"/api/letters/{letter.Slug}/signatures?kind=organizations");
        var items = organisations.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, organisations.GetProperty("total").GetInt32());
        Assert.All(items, i => Assert.True(i.GetProperty("forOrganization").GetBoolean()));
        var santé = items.Single(i => i.GetProperty("organization").GetString() == "Santé Sans Frontières");
        Assert.Equal(($"https://www.{domain}/about", "Director", "institutional", domain),
            (santé.GetProperty("website").GetString(), santé.GetProperty("title").GetString(), santé.GetProperty("verification").GetString(),
             santé.GetProperty("verifiedAt").GetString()));
        var individuals = await app.Visitor().GetFromJsonAsync<JsonElement>($"/api/letters/{letter.Slug}/signatures?kind=individuals");
        Assert.Equal(["Jane Roe"], individuals.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, (await app.Visitor().GetAsync($"/api/letters/{letter.Slug}/signatures?kind=robots")).StatusCode);

        // The letter page says it in words; the list page lists organisations apart and marks them.
        var page = await app.Visitor().GetDocumentAsync($"/letters/{letter.Slug}");
        Assert.Equal("2 organisations and 1 individual", page.QuerySelector(".count-split")!.TextContent.Trim());
        var listed = (await app.Visitor().SignatoriesPageAsync(letter.Slug, "?kind=organizations")).QuerySelectorAll("table.signatories tbody tr");
        Assert.Equal(2, listed.Length);
        Assert.All(listed, r => Assert.Contains("for the organisation", r.TextContent));

        // The public export: a column says which lines are organisations, with their website.
        var csv = await app.Visitor().GetStringAsync($"/api/letters/{letter.Slug}/signatures.csv");
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("On behalf of an organisation", lines[0]);
        Assert.Contains(lines, l => l.Contains("Santé Sans Frontières") && l.Contains(",yes,") && l.Contains($"https://www.{domain}/about"));
        Assert.Equal(2, lines.Count(l => l.Contains(",yes,https://")));

        // The signed manifest and a seal of the list count them apart too.
        var bundle = await app.Visitor().GetAsync($"/api/letters/{letter.Slug}/signatures.csv?bundle=true");
        using var zip = new System.IO.Compression.ZipArchive(await bundle.Content.ReadAsStreamAsync());
        using var manifest = await JsonDocument.ParseAsync(zip.GetEntry("manifest.json")!.Open());
        var kinds = manifest.RootElement.GetProperty("kinds");
        Assert.Equal((2, 1), (kinds.GetProperty("organizations").GetInt32(), kinds.GetProperty("individuals").GetInt32()));
        var admin = await app.SignInAsync(await app.CreateAdminAsync());
        var seals = $"/admin/letters/{letter.Slug}/seals";
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(await admin.GetDocumentAsync(seals), seals, formSelector: "main form[method=post]")).StatusCode);
        using var statement = JsonDocument.Parse(await app.Visitor().GetByteArrayAsync($"/letters/{letter.Slug}/seals/1"));
        kinds = statement.RootElement.GetProperty("kinds");
        Assert.Equal((2, 1), (kinds.GetProperty("organizations").GetInt32(), kinds.GetProperty("individuals").GetInt32()));
    }

    /// <summary>
    /// The adversary's ways to an institutional badge for a famous organisation: a domain bought for the purpose, with
    /// a website and an address at it; a listed domain under another organisation's name; a verified signature
    /// renamed later; a watched organisation's name. None is published with a badge, and each waits for a moderator.
    /// </summary>
    [Fact]
    public async Task A_moderator_who_corrects_an_organisations_name_takes_its_badge_with_it()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("orgs-corrected"), l => l.AcceptsOrganisations = true);
        var domain = $"ngo-{letter.Id}.org";
        await app.ListDomainAsync("Santé sans frontières", domain);
        await SignAndConfirmAsync(letter.Slug, ForOrganisation("Jane Roe", $"jane@{domain}", "Santé Sans Frontières", $"https://www.{domain}"));
        var signed = await app.Db(db => db.Signatures.SingleAsync(s => s.LetterId == letter.Id));
        Assert.Equal((Verification.Institutional, domain), (signed.Verification, signed.VerifiedDomain));

        var moderator = await app.SignInAsync(await app.CreateModeratorAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await moderator.PostHandlerAsync(Petition.Tests.Admin.Console.SignaturePage(letter.Slug, signed.Id), "Correct",
            new Dictionary<string, string>
            {
                ["Correction.Name"] = "Jane Roe", ["Correction.Title"] = "Director", ["Correction.Country"] = "FR",
                ["Correction.Organization"] = "Clinique du Nord", ["Correction.Note"] = "asked by email",
            })).StatusCode);

        var corrected = await app.Db(db => db.Signatures.SingleAsync(s => s.LetterId == letter.Id));
        Assert.Equal("Clinique du Nord", corrected.Organization);
        Assert.Equal((Verification.Email, (string?)null), (corrected.Verification, corrected.VerifiedDomain));
    }

    [Fact]
    public async Task A_domain_of_ones_own_earns_no_organisations_badge_and_waits_for_the_organisers()
    {
        var letter = await app.AddLetterAsync(Signer.Unique("impostors"), l => l.AcceptsOrganisations = true);
        var listed = $"rights-{letter.Id}.org";
        await app.ListDomainAsync("Rights Watch", listed);
        var watched = Signer.Unique("Amnesty Intl");
        await app.Db(async db =>
        {
            db.WatchedNames.Add(new WatchedName { Name = watched, CreatedAt = app.Clock.GetUtcNow() });
            await db.SaveChangesAsync();
        });
        app.Services.GetRequiredService<WatchList>().Invalidate();

        // Its own domain, its own website, an address there: nobody listed it, so it is an email and waits.
        var bought = $"rights-watch-{letter.Id}.org";
        await SignAndConfirmAsync(letter.Slug, ForOrganisation("Eve Mallory", $"eve@{bought}", "Rights Watch", $"https://{bought}"));
        // A listed domain, but for another organisation's name.
        await SignAndConfirmAsync(letter.Slug, ForOrganisation("Rob Insider", $"rob@{listed}", "Global Justice Council", $"https://{listed}"));
        // A watched name as the organisation, from a listed domain under its own name: held for the watch list.
        await app.ListDomainAsync(watched, $"watched-{letter.Id}.org");
        await SignAndConfirmAsync(letter.Slug, ForOrganisation("Ann Nobody", $"ann@watched-{letter.Id}.org", watched.ToUpperInvariant(), $"https://watched-{letter.Id}.org"));

        var rows = await app.Db(db => db.Signatures.Where(s => s.LetterId == letter.Id).OrderBy(s => s.Id)
            .Select(s => new { s.State, s.Verification, s.VerifiedDomain, s.ModerationReason }).ToListAsync());
        Assert.All(rows, r => Assert.Equal(SignatureState.AwaitingReview, r.State));
        Assert.Equal([Verification.Email, Verification.Email], rows.Take(2).Select(r => r.Verification));
        Assert.All(rows.Take(2), r => Assert.Contains("no domain the organisers listed", r.ModerationReason));
        Assert.Contains($"watch list: {watched}", rows[2].ModerationReason);
        Assert.Equal(0, (await app.Visitor().GetFromJsonAsync<JsonElement>($"/api/letters/{letter.Slug}")).GetProperty("signatureCount").GetInt32());

        // Verified under the listed name, then renamed on the manage page: the badge does not follow the new name.
        var email = $"{Signer.Unique("ruth")}@{listed}";
        await SignAndConfirmAsync(letter.Slug, ForOrganisation("Ruth Real", email, "Rights Watch", $"https://{listed}"));
        var real = await app.Db(db => db.Signatures.SingleAsync(s => s.LetterId == letter.Id && s.Name == "Ruth Real"));
        Assert.Equal((SignatureState.Published, Verification.Institutional), (real.State, real.Verification));
        var manage = Signer.ManagePathIn(await app.Smtp.WaitForAsync(email));
        var client = app.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(await client.GetDocumentAsync(manage), manage,
            new Dictionary<string, string> { ["Input.Organization"] = "Médecins Sans Frontières" }, formSelector: "form[action$='/correct']")).StatusCode);
        real = await app.Db(db => db.Signatures.AsNoTracking().SingleAsync(s => s.Id == real.Id));
        Assert.Equal((SignatureState.AwaitingReview, Verification.Email, (string?)null), (real.State, real.Verification, real.VerifiedDomain));
    }

    [Fact]
    public async Task An_organisation_is_refused_where_the_letter_takes_people_only_and_must_give_a_real_website()
    {
        var people = await app.AddLetterAsync(Signer.Unique("people"));
        var refused = await app.Client().SignByApiAsync(people.Slug,
            ForOrganisation("Ann Lee", $"{Signer.Unique("ann")}@example.org", "Some NGO", "https://ngo.example"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("forOrganization", await refused.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);

        var orgs = await app.AddLetterAsync(Signer.Unique("orgs"), l => l.AcceptsOrganisations = true);
        foreach (var website in new[] { "", "ngo", "javascript:alert(1)", "ftp://ngo.example", "https://user@ngo.example" })
        {
            var response = await app.Client().SignByApiAsync(orgs.Slug, ForOrganisation("Ann Lee", $"{Signer.Unique("ann")}@example.org", "Some NGO", website));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("organizationWebsite", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        }
    }
}

public class OrganisationSigningSqliteTests(SqliteFixture fixture) : OrganisationSigningTests(fixture.App), IClassFixture<SqliteFixture>;

public class OrganisationSigningPostgresTests(PostgresFixture fixture) : OrganisationSigningTests(fixture.App), IClassFixture<PostgresFixture>;
