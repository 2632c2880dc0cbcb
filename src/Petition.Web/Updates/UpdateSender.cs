using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Petition.Data;
using Petition.Data.Letters;
using Petition.Data.Updates;
using Petition.Web.Email;
using Petition.Web.Languages;
using Petition.Web.Signing;

namespace Petition.Web.Updates;

/// <summary>
/// Writes posted updates and version notices to the outbox, one chunk of signers per transaction, oldest first. The chunk's emails
/// and the update's cursor commit together, and the cursor and the state are concurrency tokens: a second instance
/// writing the same chunk, or a pause arriving while it is written, makes the save match no row, and the chunk is
/// rolled back whole. So however many instances run, and whenever one stops, each signer is written to once.
/// </summary>
public class UpdateSender(IServiceScopeFactory scopes, UpdateSignal signal, OutboxSignal outbox, IOptions<UpdatesOptions> options,
    TimeProvider time, ILogger<UpdateSender> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunInBackground)
            return;
        while (!stoppingToken.IsCancellationRequested)
        {
            var busy = false;
            try
            {
                busy = await SendChunkAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "The update sender failed; it will try again");
            }
            if (!busy)
            {
                try { await signal.WaitAsync(options.Value.PollInterval, stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    /// <summary>
    /// Writes the next chunk of the oldest update being sent; false when there was nothing to send (none queued, or
    /// another instance or a pause took this chunk first).
    /// </summary>
    public async Task<bool> SendChunkAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PetitionDbContext>();
        var update = await db.LetterUpdates.Where(u => u.State == UpdateState.Queued || u.State == UpdateState.Sending)
            .OrderBy(u => u.Id).FirstOrDefaultAsync(cancellationToken);
        if (update is null)
            return false;
        var letter = await db.Letters.AsNoTracking().Include(l => l.Translations).SingleAsync(l => l.Id == update.LetterId, cancellationToken);
        var emails = scope.ServiceProvider.GetRequiredService<SignatureEmails>();
        var links = scope.ServiceProvider.GetRequiredService<SignatureLinks>();
        var size = options.Value.ChunkSize;
        var audience = update.NoticeOfVersion is { } version
            ? VersionNotices.Audience(db, update.LetterId, version)
            : scope.ServiceProvider.GetRequiredService<LetterUpdates>().Audience(update.LetterId, update.Country);
        var chunk = await audience.Where(s => s.Id > update.Cursor).OrderBy(s => s.Id).Take(size).ToListAsync(cancellationToken);
        foreach (var signature in chunk)
            db.Outbox.Add(update.NoticeOfVersion is null
                ? emails.Update(letter, signature, WordsFor(update, letter, signature.Language), links.Manage(signature), links.Unsubscribe(signature))
                : emails.LetterChanged(letter, signature, VersionNotices.SummaryOf(update), links.Manage(signature)));
        if (chunk.Count > 0)
            update.Cursor = chunk[^1].Id;
        update.Queued += chunk.Count;
        update.State = chunk.Count < size ? UpdateState.Done : UpdateState.Sending;
        if (update.State == UpdateState.Done)
            update.DoneAt = time.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return false; // paused, or written by another instance a moment ago: nothing of this chunk was kept
        }
        outbox.Notify();
        return true;
    }

    /// <summary>The organisers' words in the signer's language when they wrote them, else in the letter's, else the first.</summary>
    public static UpdateText WordsFor(LetterUpdate update, Letter letter, string? language)
    {
        var code = SiteLanguages.Find(language)?.Code ?? letter.Language;
        return update.Texts.FirstOrDefault(t => t.Language == code)
            ?? update.Texts.FirstOrDefault(t => t.Language == letter.Language)
            ?? update.Texts[0];
    }
}
