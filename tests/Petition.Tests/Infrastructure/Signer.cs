using System.Net.Http.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using MimeKit;

namespace Petition.Tests.Infrastructure;

/// <summary>The steps a signer takes, written once for every test that walks them.</summary>
public static partial class Signer
{
    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    public static Dictionary<string, object?> ApiBody(string name, string email, string? country = "NG",
        bool listPublicly = true) => new()
    {
        ["name"] = name,
        ["email"] = email,
        ["title"] = "Professor of Medicine",
        ["organization"] = "University of Lagos",
        ["country"] = country,
        ["category"] = null,
        ["city"] = "Lagos",
        ["comment"] = "",
        ["listPublicly"] = listPublicly,
    };

    public static Task<HttpResponseMessage> SignByApiAsync(this HttpClient client, string slug, object body) =>
        client.PostAsJsonAsync($"/api/letters/{slug}/signatures", body);

    public static Dictionary<string, string> FormValues(string name, string email, string listing = "public") => new()
    {
        ["Input.Name"] = name,
        ["Input.Email"] = email,
        ["Input.Title"] = "Member of Parliament",
        ["Input.Organization"] = "Parliament",
        ["Input.Country"] = "FR",
        ["Input.Listing"] = listing,
        ["Input.AcceptPrivacy"] = "true",
    };

    /// <summary>Signs through the letter page's form, as a person with a browser would.</summary>
    public static async Task<HttpResponseMessage> SignByFormAsync(this HttpClient client, string slug,
        IDictionary<string, string> values)
    {
        var url = $"/letters/{slug}";
        var page = await client.GetDocumentAsync(url);
        return await client.SubmitAsync(page, url, values);
    }

    /// <summary>The path of the confirmation link in the nth confirmation email to this address (1 = the first).</summary>
    public static Task<string> ConfirmationPathAsync(this PetitionApp app, string email, int nth = 1) =>
        ConfirmationPathAsync([app], email, nth);

    /// <summary>The same when several instances share the outbox: whichever claimed the email sent it.</summary>
    public static async Task<string> ConfirmationPathAsync(IReadOnlyList<PetitionApp> apps, string email, int nth = 1)
    {
        List<MimeKit.MimeMessage> confirmations = [];
        await Eventually.HoldsAsync(() =>
        {
            confirmations = apps.SelectMany(a => a.Smtp.To(email)).Where(m => ConfirmLink().IsMatch(m.TextBody ?? "")).ToList();
            return confirmations.Count >= nth;
        }, $"confirmation email {nth} to {email}");
        return ConfirmPathIn(confirmations[nth - 1]);
    }

    public static string ConfirmPathIn(MimeMessage message) =>
        new Uri(ConfirmLink().Match(message.TextBody ?? "").Value).PathAndQuery;

    /// <summary>The path of the private manage link that every email to a signer ends with.</summary>
    public static string ManagePathIn(MimeMessage message) =>
        new Uri(ManageLink().Match(message.TextBody ?? "").Value).PathAndQuery;

    /// <summary>Opens the emailed link and presses the button; returns the response to the POST.</summary>
    public static async Task<HttpResponseMessage> ConfirmAsync(this HttpClient client, string path)
    {
        var page = await client.GetDocumentAsync(path);
        return await client.SubmitAsync(page, path);
    }

    /// <summary>Opens the manage link, ticks that they mean it and presses the withdraw button; returns the response to the POST.</summary>
    public static async Task<HttpResponseMessage> WithdrawAsync(this HttpClient client, string managePath) =>
        await client.SubmitAsync(await client.GetDocumentAsync(managePath), managePath,
            new Dictionary<string, string> { ["sure"] = "true" }, formSelector: "form[action$='/withdraw']");

    public static async Task<IHtmlDocument> SignatoriesPageAsync(this HttpClient client, string slug, string query = "") =>
        await client.GetDocumentAsync($"/letters/{slug}/signatories{query}");

    [GeneratedRegex(@"https?://\S+/confirm/[A-Za-z0-9_-]+")]
    private static partial Regex ConfirmLink();

    /// <summary>A manage link: its token is 32 random bytes in base64url.</summary>
    [GeneratedRegex(@"https?://\S+/manage/[A-Za-z0-9_-]{43}")]
    public static partial Regex ManageLink();
}
