using Microsoft.Extensions.Options;
using MimeKit;

namespace Petition.Web.Email;

public static class EmailSetup
{
    public static WebApplicationBuilder AddEmail(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<EmailOptions>().BindConfiguration("Email")
            .ValidateDataAnnotations()
            .Validate(o => MailboxAddress.TryParse(o.From, out _), "Email:From must be an address such as \"Petition <no-reply@example.org>\".")
            .Validate(o => string.IsNullOrEmpty(o.Smtp.Username) || o.Smtp.Security != SmtpSecurity.None || o.Smtp.AllowPlaintext,
                "Email:Smtp:Security=None with Email:Smtp:Username set would send the password and every confirm and manage link " +
                "in clear text. Use StartTls or SslOnConnect, or set Email:Smtp:AllowPlaintext=true if the relay is on this machine.")
            .ValidateOnStart();

        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<IMailTransport>(services =>
        {
            var options = services.GetRequiredService<IOptions<EmailOptions>>().Value;
            if (!string.IsNullOrWhiteSpace(options.Smtp.Host))
                return ActivatorUtilities.CreateInstance<SmtpMailTransport>(services);
            var directory = Path.Combine(builder.Environment.ContentRootPath, options.PickupDirectory);
            return ActivatorUtilities.CreateInstance<PickupDirectoryMailTransport>(services, directory);
        });
        builder.Services.AddSingleton<OutboxDispatcher>();
        builder.Services.AddHostedService(services => services.GetRequiredService<OutboxDispatcher>());
        return builder;
    }
}
