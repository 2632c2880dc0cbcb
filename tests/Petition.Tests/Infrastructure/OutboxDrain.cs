using Microsoft.Extensions.DependencyInjection;
using Petition.Web.Email;

namespace Petition.Tests.Infrastructure;

public static class OutboxDrain
{
    /// <summary>
    /// Sends, on the test's thread, whatever is due on the app's clock until nothing is: afterwards, a message that
    /// was not sent is one that was not due. A deterministic "nothing more will go out now", where a sleep would guess.
    /// </summary>
    public static async Task DrainOutboxAsync(this PetitionApp app)
    {
        var dispatcher = app.Services.GetRequiredService<OutboxDispatcher>();
        while (await dispatcher.DispatchBatchAsync(CancellationToken.None) > 0) { }
    }
}
