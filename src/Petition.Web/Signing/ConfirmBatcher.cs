using Microsoft.Extensions.Options;
using Petition.Web.Database;

namespace Petition.Web.Signing;

/// <summary>
/// Confirm presses that arrive together are written as sign requests are (<see cref="WriteBatcher{TItem,TResult}"/>):
/// one query finds their signatures, one transaction confirms them all, and each press is answered once it is
/// committed. A batch that fails (most often a link pressed twice at once, from two instances) is confirmed one
/// press at a time, where the signature's state, its concurrency token, lets only the first press count.
/// </summary>
public sealed class ConfirmBatcher(IServiceScopeFactory scopes, IOptions<SigningOptions> options,
    IOptions<DatabaseOptions> database, ILogger<ConfirmBatcher> logger)
    : WriteBatcher<string, ConfirmationLookup>(scopes, options, database, logger)
{
    public Task<ConfirmationLookup> ConfirmAsync(string token, CancellationToken cancellationToken) =>
        SubmitAsync(token, cancellationToken);

    protected override Task<IReadOnlyList<ConfirmationLookup>> WriteAsync(IServiceProvider scope, IReadOnlyList<string> tokens) =>
        scope.GetRequiredService<Confirmation>().ConfirmAllAsync(tokens, CancellationToken.None);
}
