using System.Text.RegularExpressions;
using MimeKit;

namespace Petition.Web.Email;

/// <summary>
/// For a machine with no SMTP server: each message becomes an .eml file, and its links go to the log so a
/// developer can click through the signing path.
/// </summary>
public partial class PickupDirectoryMailTransport(string directory, ILogger<PickupDirectoryMailTransport> logger)
    : IMailTransport, IMailSession
{
    public Task<IMailSession> OpenAsync(CancellationToken cancellationToken) => Task.FromResult<IMailSession>(this);

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var name = Guid.CreateVersion7().ToString("N"); // time-ordered, so a listing reads oldest first
        var temporary = Path.Combine(directory, name + ".tmp");
        var final = Path.Combine(directory, name + ".eml");
        await message.WriteToAsync(temporary, cancellationToken);
        File.Move(temporary, final); // readers never see half a message
        if (!logger.IsEnabled(LogLevel.Information))
            return;
        var links = Link().Matches(message.TextBody ?? "").Select(m => m.Value);
        logger.LogInformation("Wrote email to {To} as {File}; links: {Links}",
            message.To.ToString(), final, string.Join(" ", links));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Link();
}
