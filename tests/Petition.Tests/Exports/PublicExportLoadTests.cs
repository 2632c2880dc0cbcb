using System.Net;
using System.Text.RegularExpressions;
using Petition.Data.Signatures;
using Petition.Tests.Admin;
using Petition.Tests.Infrastructure;

namespace Petition.Tests.Exports;

/// <summary>Anyone may download the public list: what keeps that from costing the site more than it should.</summary>
public class PublicExportLoadTests
{
    [Fact]
    public async Task A_pdf_longer_than_its_limit_lists_the_first_signatories_and_says_where_the_rest_are()
    {
        await using var app = await PetitionApp.StartAsync(settings: new() { ["Exports:MaxPdfRows"] = "3" });
        var letter = await app.AddLetterAsync(Signer.Unique("long-pdf"));
        await app.SignaturesAsync(letter, 5, SignatureState.Published, configure: (s, i) => s.Name = $"Listed Person {i}");

        var response = await app.Client().GetAsync($"/api/letters/{letter.Slug}/signatures.pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("3", response.Headers.GetValues("Petition-Signature-Count").Single()); // what the file holds
        var text = ExportFiles.PdfText(await response.Content.ReadAsByteArrayAsync());

        Assert.Contains("Signatories in this document: 3", text);
        Assert.Contains("The list has 5 signatories; this document holds the first 3", text);
        Assert.Equal(3, Enumerable.Range(0, 5).Count(i => text.Contains($"Listed Person {i}")));
    }

    [Fact]
    public async Task Everyone_who_asks_for_the_same_list_shares_one_file_until_a_signer_withdraws()
    {
        await using var app = await PetitionApp.StartAsync();
        var letter = await app.AddLetterAsync(Signer.Unique("shared-file"));
        var client = app.Client();
        var email = $"{Signer.Unique("leaving")}@example.org";
        await client.SignByApiAsync(letter.Slug, Signer.ApiBody("Leaving Signer", email));
        await client.ConfirmAsync(await app.ConfirmationPathAsync(email));
        var url = $"/api/letters/{letter.Slug}/signatures.csv";

        var first = await client.GetAsync(url);
        // A name added behind the app's back, as another instance would: the shared file does not have it yet.
        await app.SignaturesAsync(letter, 1, SignatureState.Published, configure: (s, _) => s.Name = "Later Signer");
        var second = await client.GetAsync(url);
        Assert.Equal(Digest(first), Digest(second));
        Assert.Contains("Leaving Signer", await second.Content.ReadAsStringAsync());
        Assert.DoesNotContain("Later Signer", await second.Content.ReadAsStringAsync());
        Assert.NotEqual(Digest(first), Digest(await client.GetAsync(url + "?notable=false"))); // another filter, another file

        // A withdrawal takes the name out of the next download at once.
        var manage = new Uri(Regex.Match(app.Smtp.To(email)[0].TextBody!, @"http://\S+/manage/\S+").Value).PathAndQuery;
        await client.WithdrawAsync(manage);
        var after = await (await client.GetAsync(url)).Content.ReadAsStringAsync();
        Assert.DoesNotContain("Leaving Signer", after);
        Assert.Contains("Later Signer", after);
    }

    [Fact]
    public async Task With_no_lifetime_each_download_is_made_afresh()
    {
        await using var app = await PetitionApp.StartAsync(settings: new() { ["Exports:PublicFileLifetime"] = "00:00:00" });
        var letter = await app.AddLetterAsync(Signer.Unique("fresh-file"));
        var url = $"/api/letters/{letter.Slug}/signatures.csv";
        var first = await app.Client().GetAsync(url);
        await app.SignaturesAsync(letter, 1, SignatureState.Published, configure: (s, _) => s.Name = "Newest Signer");
        var second = await app.Client().GetAsync(url);
        Assert.NotEqual(Digest(first), Digest(second));
        Assert.Contains("Newest Signer", await second.Content.ReadAsStringAsync());
    }

    static string Digest(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Headers.GetValues("Repr-Digest").Single();
    }
}
