using Microsoft.EntityFrameworkCore;
using Petition.Data.Letters;
using Petition.Data.Signatures;
using Petition.Tests.Infrastructure;

namespace Petition.Tests.Admin;

/// <summary>Signatures written straight to the database, in whatever state a test starts from.</summary>
public static class Seed
{
    public static Task<Letter> PreModeratedLetterAsync(this PetitionApp app, string prefix = "pre") =>
        app.AddLetterAsync(Signer.Unique(prefix), l => l.ModerationMode = ModerationMode.Pre);

    public static async Task<List<Signature>> SignaturesAsync(this PetitionApp app, Letter letter, int count,
        SignatureState state = SignatureState.AwaitingReview, string domain = "example.org", string? network = null,
        Action<Signature, int>? configure = null)
    {
        var now = app.Clock.GetUtcNow();
        var signatures = new List<Signature>();
        for (var i = 0; i < count; i++)
        {
            var email = $"{Guid.NewGuid():N}@{domain}";
            var signature = new Signature
            {
                LetterId = letter.Id, LetterVersion = letter.Version, State = state, Source = SignatureSource.Form,
                Name = $"Signer {i:0000}", Organization = "Clinic", Country = "FR", ListPublicly = true,
                Email = email, NetworkHash = network,
                CreatedAt = now.AddSeconds(-i), ConfirmedAt = state == SignatureState.Unverified ? null : now,
                PublishedAt = state == SignatureState.Published ? now.AddSeconds(-i) : null,
            };
            app.Identify(signature, email);
            configure?.Invoke(signature, i);
            signature.RefreshSearchText();
            signatures.Add(signature);
        }
        await app.Db(async db => { db.Signatures.AddRange(signatures); await db.SaveChangesAsync(); });
        return signatures;
    }

    public static Task<Signature> SignatureAsync(this PetitionApp app, long id) =>
        app.Db(db => db.Signatures.AsNoTracking().SingleAsync(s => s.Id == id));
}
