using MimeKit;

namespace Petition.Web.Email;

/// <summary>Where outbox mail goes: an SMTP server, or a folder of .eml files.</summary>
public interface IMailTransport
{
    /// <summary>One connection for a batch of messages.</summary>
    Task<IMailSession> OpenAsync(CancellationToken cancellationToken);
}

public interface IMailSession : IAsyncDisposable
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}
