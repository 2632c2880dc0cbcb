using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Petition.Data.Letters;

/// <summary>
/// A version of a letter's text that anyone signed never changes: whatever path tries (the editor, a status change,
/// an import, a future API), saving a changed title, body or addressee of a signed version throws before anything is written.
/// So does a translation of a version that anyone signed in that translation's language, changed, removed or added
/// (those signers read the original). A change
/// to a signed text is a new version. The promise signers read beside the text, when their address will be erased
/// (<see cref="Letter.ContactRetentionDays"/>), is held the same way: made later or taken back once anyone signed,
/// it throws (<see cref="Letter.KeepsRetentionPromise"/>). Registered on every <see cref="PetitionDbContext"/>.
/// </summary>
public sealed class SignedTextGuard : SaveChangesInterceptor
{
    public static readonly SignedTextGuard Instance = new();

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is PetitionDbContext db)
            await RefuseRewritesAsync(db, cancellationToken);
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is PetitionDbContext db)
            RefuseRewritesAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    static async Task RefuseRewritesAsync(PetitionDbContext db, CancellationToken cancellationToken)
    {
        // One pass over what is tracked (each call to Entries detects changes again, on every save of every request).
        var entries = db.ChangeTracker.Entries().Where(e => e.State is EntityState.Modified or EntityState.Deleted or EntityState.Added).ToList();
        var rewritten = entries.Where(e => e.Entity is LetterVersion && (e.State == EntityState.Deleted
                || (e.State == EntityState.Modified && (e.Property(nameof(LetterVersion.Title)).IsModified
                    || e.Property(nameof(LetterVersion.Body)).IsModified || e.Property(nameof(LetterVersion.Recipients)).IsModified))))
            .Select(e => (LetterVersion)e.Entity)
            .ToList();
        foreach (var version in rewritten)
        {
            if (await db.Signatures.AnyAsync(s => s.LetterId == version.LetterId && s.LetterVersion == version.Version, cancellationToken))
                throw new SignedTextException(version.LetterId, version.Version);
        }
        foreach (var letter in entries.Where(e => e.Entity is Letter && e.State == EntityState.Modified
                     && e.Property(nameof(Letter.ContactRetentionDays)).IsModified))
        {
            var promised = (int?)letter.Property(nameof(Letter.ContactRetentionDays)).OriginalValue;
            var proposed = ((Letter)letter.Entity).ContactRetentionDays;
            var id = ((Letter)letter.Entity).Id;
            if (!Letter.KeepsRetentionPromise(promised, proposed, anyoneSigned: true)
                && await db.Signatures.AnyAsync(s => s.LetterId == id, cancellationToken))
                throw new SignedTextException($"People signed letter {id} after being told their address would be erased "
                    + $"{promised} days after it closes: that can be made sooner, not later or never.");
        }
        // A version's translation is signed text whole: any change, a removal or an addition, judged by where it stood.
        var retranslated = entries.Where(e => e.Entity is LetterVersionTranslation)
            .Select(e => (LetterId: (int)e.Property(nameof(LetterVersionTranslation.LetterId)).OriginalValue!,
                Version: (int)e.Property(nameof(LetterVersionTranslation.Version)).OriginalValue!,
                Language: (string)e.Property(nameof(LetterVersionTranslation.Language)).OriginalValue!))
            .Distinct()
            .ToList();
        foreach (var (letterId, version, language) in retranslated)
        {
            if (await db.Signatures.AnyAsync(s => s.LetterId == letterId && s.LetterVersion == version && s.Language == language, cancellationToken))
                throw new SignedTextException(letterId, version, language);
        }
    }
}

public sealed class SignedTextException : InvalidOperationException
{
    public SignedTextException(int letterId, int version)
        : base($"Version {version} of letter {letterId} has been signed: its text never changes. Save the change as a new version.") { }

    public SignedTextException(string message) : base(message) { }

    public SignedTextException(int letterId, int version, string language)
        : base($"Version {version} of letter {letterId} has been signed in {language}: that translation never changes. Save the change as a new version.") { }
}
