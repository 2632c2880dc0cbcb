using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Petition.Tests.Infrastructure;

namespace Petition.Tests.Adversary;

/// <summary>
/// A mail server that offers no STARTTLS (or whose offer was stripped on the way) must not receive the password or
/// the links in clear: with a username, nothing is sent and the message waits in the outbox, saying why.
/// </summary>
public class SmtpDowngradeTests
{
    [Fact]
    public async Task With_credentials_and_Auto_nothing_goes_to_a_server_without_tls()
    {
        await using var app = await PetitionApp.StartAsync(settings: new()
        {
            ["Email:Smtp:Security"] = "Auto", ["Email:Smtp:Username"] = "petition", ["Email:Smtp:Password"] = "s3cret",
        });
        var email = $"{Signer.Unique("downgrade")}@example.org";
        Assert.Equal(HttpStatusCode.Accepted, (await app.Client().SignByApiAsync("upr-accountability", Signer.ApiBody("Clear Text", email))).StatusCode);

        var message = await WaitForFirstAttemptAsync(app, email);
        Assert.Null(message.SentAt);
        Assert.Contains("STARTTLS", message.LastError, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(app.Smtp.Received);
    }

    [Fact]
    public async Task Credentials_with_Security_None_stop_the_start_unless_plain_text_is_allowed_on_purpose()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var app = await PetitionApp.StartAsync(settings: new() { ["Email:Smtp:Username"] = "petition", ["Email:Smtp:Password"] = "x" });
            app.Client();
        });
        var message = Messages(failure);
        Assert.Contains("Email:Smtp:Security=None", message);
        Assert.Contains("Email:Smtp:AllowPlaintext", message);

        await using var allowed = await PetitionApp.StartAsync(settings: new()
        {
            ["Email:Smtp:Username"] = "petition", ["Email:Smtp:Password"] = "x", ["Email:Smtp:AllowPlaintext"] = "true",
        });
        Assert.Equal(HttpStatusCode.OK, (await allowed.Client().GetAsync("/healthz")).StatusCode);
    }

    static string Messages(Exception exception)
    {
        var all = new List<string>();
        for (var e = exception; e is not null; e = e.InnerException)
            all.Add(e is OptionsValidationException v ? string.Join(" ", v.Failures) : e.Message);
        return string.Join(" | ", all);
    }

    static async Task<Petition.Data.Outbox.OutboxMessage> WaitForFirstAttemptAsync(PetitionApp app, string email)
    {
        // The dispatcher runs on its own; its first attempt is what is waited for.
        await Eventually.HoldsAsync(() => app.Db(db => db.Outbox.AnyAsync(m => m.ToHash == app.RecipientHash(email) && m.Attempts > 0)), "a first attempt");
        return (await app.Db(db => db.Outbox.AsNoTracking().FirstAsync(m => m.ToHash == app.RecipientHash(email))));
    }
}
