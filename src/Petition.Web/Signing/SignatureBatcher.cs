using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Petition.Web.Database;

namespace Petition.Web.Signing;

/// <summary>
/// Signatures that arrive together are written in one transaction (<see cref="WriteBatcher{TItem,TResult}"/>):
/// each sign request is answered once its batch is committed, so a 202 is never lost to a crash.
/// </summary>
public sealed class SignatureBatcher(IServiceScopeFactory scopes, IOptions<SigningOptions> options,
    IOptions<DatabaseOptions> database, ILogger<SignatureBatcher> logger)
    : WriteBatcher<PendingSignature, bool>(scopes, options, database, logger)
{
    public Task WriteAsync(PendingSignature signature, CancellationToken cancellationToken) =>
        SubmitAsync(signature, cancellationToken);

    protected override async Task<IReadOnlyList<bool>> WriteAsync(IServiceProvider scope, IReadOnlyList<PendingSignature> signatures)
    {
        await scope.GetRequiredService<SignatureWriter>().WriteAsync(signatures, CancellationToken.None);
        return signatures.Select(_ => true).ToList();
    }

    /// <summary>
    /// Also two requests for one address that raced, where the unique index kept one (most often an address another
    /// instance stored a moment ago): the second try finds it and signs again.
    /// </summary>
    protected override bool WorthRetrying(Exception failure) => failure is DbUpdateException || IsConflict(failure);
}
