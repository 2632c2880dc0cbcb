using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Petition.Data.Audit;
using Petition.Data.Letters;
using Petition.Data.Outbox;
using Petition.Data.Recipients;
using Petition.Data.Signatures;

namespace Petition.Data.Sealing;

/// <summary>
/// Every save and every load of a signature, a mailed link's details, an outbox message and a letter's addressee passes here, whichever
/// code asks: personal data is sealed on its way to the database (<see cref="SignatureStorage"/>) and opened on its
/// way back, so the app works with whole values and the database holds none in the clear. Registered on every
/// <see cref="PetitionDbContext"/>. Bulk statements (ExecuteUpdate) do not pass here: none of them writes personal data.
/// One instance serves every app in the process (EF Core builds its services once per set of interceptors); the keys
/// (<see cref="IPersonalDataSeal"/>) come from the app the context belongs to.
/// </summary>
public sealed class PersonalDataInterceptor : SaveChangesInterceptor, IMaterializationInterceptor
{
    public static readonly PersonalDataInterceptor Instance = new();

    PersonalDataInterceptor() { }

    /// <summary>Looked up once per context (contexts are pooled), not once per row of a million-row export.</summary>
    static IPersonalDataSeal SealOf(DbContext context) => Seals.GetValue(context, c => c.GetService<IPersonalDataSeal>());

    static readonly ConditionalWeakTable<DbContext, IPersonalDataSeal> Seals = new();

    /// <summary>
    /// The values held only sealed (no clear column tells the tracker they changed), as last loaded or saved: a
    /// signature whose address or request data alone was changed is saved too.
    /// </summary>
    sealed record SealedOnly(string Email, string? IpAddress, string? UserAgent)
    {
        public static SealedOnly Of(Signature s) => new(s.Email, s.IpAddress, s.UserAgent);
    }

    static readonly ConditionalWeakTable<Signature, SealedOnly> AsStored = new();

    /// <summary>An addressee's sealed values as last loaded or saved: a change to its addresses or answer alone is saved too.</summary>
    static readonly ConditionalWeakTable<Addressee, string?[]> AddresseesAsStored = new();

    /// <summary>The full details each saved signature had, put back once its clear columns are written.</summary>
    readonly ConditionalWeakTable<DbContext, List<(EntityEntry<Signature> Entry, string?[] Details)>> saved = new();

    public object InitializedInstance(MaterializationInterceptionData materializationData, object entity)
    {
        if (entity is not (Signature or SignatureToken or AuditEntry or OutboxMessage or Addressee))
            return entity;
        var seal = SealOf(materializationData.Context);
        switch (entity)
        {
            case Signature signature:
                SignatureStorage.Open(signature, seal);
                // Only a tracked signature can be saved again; an export's million untracked rows need no record.
                if (materializationData.QueryTrackingBehavior == QueryTrackingBehavior.TrackAll)
                    AsStored.AddOrUpdate(signature, SealedOnly.Of(signature));
                break;
            case SignatureToken { SealedDetails: { } details } token:
                token.Details = SealedStrings.Open(seal, details, 1)[0];
                break;
            case AuditEntry { SignatureId: not null } entry:
                entry.Before = SealedText.Open(seal, entry.Before);
                entry.After = SealedText.Open(seal, entry.After);
                break;
            case OutboxMessage { Sealed: { } sealedMessage } message:
                message.Open(SealedStrings.Open(seal, sealedMessage, OutboxMessage.SealedCount));
                break;
            case Addressee addressee:
                addressee.Open(SealedStrings.Open(seal, addressee.Sealed, Addressee.SealedCount));
                if (materializationData.QueryTrackingBehavior == QueryTrackingBehavior.TrackAll)
                    AddresseesAsStored.AddOrUpdate(addressee, addressee.SealedValues());
                break;
        }
        return entity;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is PetitionDbContext db)
            await SealAsync(db, cancellationToken);
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is PetitionDbContext db)
            SealAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    async Task SealAsync(PetitionDbContext db, CancellationToken cancellationToken)
    {
        var seal = SealOf(db);
        db.ChangeTracker.DetectChanges();
        foreach (var entry in db.ChangeTracker.Entries<OutboxMessage>().Where(e => e.State == EntityState.Added))
        {
            var m = entry.Entity;
            m.Sealed = SealedStrings.Seal(seal, m.SealedValues());
            m.ToHash = OutboxMessage.RecipientHash(seal, m.ToAddress);
        }
        // What a signature's audit entries hold before and after a change (a correction's old and new details).
        // Added, or changed after loading (loaded values are opened in place): never written in the clear.
        foreach (var entry in db.ChangeTracker.Entries<AuditEntry>().Where(e => e.State is EntityState.Added or EntityState.Modified && e.Entity.SignatureId is not null))
        {
            entry.Entity.Before = SealedText.Seal(seal, entry.Entity.Before);
            entry.Entity.After = SealedText.Seal(seal, entry.Entity.After);
        }
        foreach (var entry in db.ChangeTracker.Entries<SignatureToken>().Where(e => e.State is EntityState.Added or EntityState.Modified))
            entry.Entity.SealedDetails = SealedStrings.Seal(seal, entry.Entity.Details);
        SealAddressees(db, seal);

        foreach (var entry in db.ChangeTracker.Entries<Signature>().Where(e => e.State == EntityState.Unchanged))
            if (AsStored.TryGetValue(entry.Entity, out var stored) && stored != SealedOnly.Of(entry.Entity))
                entry.State = EntityState.Modified;
        var signatures = db.ChangeTracker.Entries<Signature>().Where(e => e.State is EntityState.Added or EntityState.Modified).ToList();
        if (signatures.Count == 0)
            return;
        var fields = await FieldsAsync(db, signatures.Select(e => e.Entity.LetterId).Distinct().ToList(), cancellationToken);
        var stash = saved.GetOrCreateValue(db);
        foreach (var entry in signatures)
        {
            stash.Add((entry, SignatureStorage.Details(entry.Entity)));
            SignatureStorage.Seal(entry.Entity, fields[entry.Entity.LetterId], seal);
            if (entry.State == EntityState.Modified)
                foreach (var column in SignatureStorage.ClearColumns)
                    entry.Property(column).IsModified = true;
        }
    }

    static void SealAddressees(PetitionDbContext db, IPersonalDataSeal seal)
    {
        foreach (var entry in db.ChangeTracker.Entries<Addressee>())
        {
            var values = entry.Entity.SealedValues();
            if (entry.State == EntityState.Unchanged && AddresseesAsStored.TryGetValue(entry.Entity, out var stored) && !stored.SequenceEqual(values))
                entry.State = EntityState.Modified;
            if (entry.State is not (EntityState.Added or EntityState.Modified))
                continue;
            entry.Entity.Sealed = SealedStrings.Seal(seal, values);
            entry.Property(a => a.Sealed).IsModified = entry.State == EntityState.Modified;
            AddresseesAsStored.AddOrUpdate(entry.Entity, values);
        }
    }

    static async Task<Dictionary<int, LetterFields>> FieldsAsync(PetitionDbContext db, List<int> letterIds, CancellationToken cancellationToken)
    {
        var known = db.ChangeTracker.Entries<Letter>().Where(e => letterIds.Contains(e.Entity.Id))
            .ToDictionary(e => e.Entity.Id, e => e.Entity.Fields);
        var missing = letterIds.Where(id => !known.ContainsKey(id)).ToList();
        if (missing.Count > 0)
            foreach (var letter in await db.Letters.AsNoTracking().Where(l => missing.Contains(l.Id))
                         .Select(l => new { l.Id, l.Fields }).ToListAsync(cancellationToken))
                known[letter.Id] = letter.Fields;
        return known;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        RestoreDetails(eventData.Context, saved: true);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        RestoreDetails(eventData.Context, saved: true);
        return result;
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        RestoreDetails(eventData.Context, saved: false);
        return Task.CompletedTask;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => RestoreDetails(eventData.Context, saved: false);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        RestoreDetails(eventData.Context, saved: false);
        return Task.CompletedTask;
    }

    /// <summary>
    /// The entity gets its whole details back. After a save the tracker takes them as what is stored (nothing to save
    /// again); after a failed one the changes stay pending, to be sealed again by the next attempt.
    /// </summary>
    void RestoreDetails(DbContext? db, bool saved)
    {
        if (db is null || !this.saved.TryGetValue(db, out var stash))
            return;
        this.saved.Remove(db);
        foreach (var (entry, details) in stash)
        {
            SignatureStorage.Restore(entry.Entity, details);
            if (saved)
                AsStored.AddOrUpdate(entry.Entity, SealedOnly.Of(entry.Entity));
            if (!saved || entry.State is EntityState.Detached or EntityState.Added)
                continue;
            foreach (var column in SignatureStorage.ClearColumns)
            {
                var property = entry.Property(column);
                property.OriginalValue = property.CurrentValue;
                property.IsModified = false;
            }
        }
    }
}
