using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Petition.Web.Email;

public class SmtpMailTransport(IOptions<EmailOptions> options) : IMailTransport
{
    public async Task<IMailSession> OpenAsync(CancellationToken cancellationToken)
    {
        var smtp = options.Value.Smtp;
        var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(smtp.Host!, smtp.Port, SecureSocketOptionsFor(smtp), cancellationToken);
            if (!string.IsNullOrEmpty(smtp.Username))
                await client.AuthenticateAsync(smtp.Username, smtp.Password ?? "", cancellationToken);
            return new Session(client);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>
    /// With a username, Auto means TLS or nothing: MailKit's own Auto falls back to clear text when the server does
    /// not offer STARTTLS, or when someone on the way strips the offer, and would hand over the password and the
    /// links. Without one (a relay on this machine), Auto uses TLS when offered.
    /// </summary>
    internal static SecureSocketOptions SecureSocketOptionsFor(SmtpOptions smtp) => smtp.Security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ when !string.IsNullOrEmpty(smtp.Username) => smtp.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls,
        _ => SecureSocketOptions.Auto,
    };

    sealed class Session(SmtpClient client) : IMailSession
    {
        public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken) =>
            await client.SendAsync(message, cancellationToken);

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (client.IsConnected) await client.DisconnectAsync(quit: true);
            }
            catch (Exception) when (!client.IsConnected) { /* the server hung up first; nothing to close */ }
            finally { client.Dispose(); }
        }
    }
}
