using Microsoft.Extensions.Options;
using Petition.Tests.Infrastructure;

namespace Petition.Tests.Integration;

/// <summary>A configuration mistake stops the app at start-up with a message that names the key, never later.</summary>
public class ConfigurationTests
{
    [Theory]
    [InlineData("Privacy:UnconfirmedRetention", "00:00:00")]
    [InlineData("Privacy:RequestDataRetention", "-1.00:00:00")]
    [InlineData("Privacy:SweepInterval", "00:00:00")]
    [InlineData("Signing:ConfirmationLifetime", "00:00:00")]
    [InlineData("Signing:ManageLinkLifetime", "00:00:01")]
    [InlineData("ProofOfWork:Difficulty", "0")]
    [InlineData("ProofOfWork:Difficulty", "200")]
    [InlineData("Exports:PublicFileLifetime", "-00:00:01")]
    [InlineData("Email:PollInterval", "00:00:00")]
    [InlineData("Email:Smtp:Timeout", "00:00:00")]
    [InlineData("Email:Smtp:Port", "0")]
    public async Task A_setting_out_of_range_stops_the_start_and_names_its_key(string key, string value)
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var app = await PetitionApp.StartAsync(settings: new() { [key] = value });
            app.Client();
        });
        var validation = Unwrap(failure);
        Assert.Contains(key, validation.Message);
    }

    static OptionsValidationException Unwrap(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is OptionsValidationException found)
                return found;
            if (e is AggregateException aggregate && aggregate.InnerExceptions.OfType<OptionsValidationException>().FirstOrDefault() is { } inner)
                return inner;
        }
        throw new Xunit.Sdk.XunitException($"No OptionsValidationException in: {exception}");
    }
}
