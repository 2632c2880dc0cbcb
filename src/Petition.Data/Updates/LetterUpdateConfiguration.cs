using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Petition.Data.Letters;

namespace Petition.Data.Updates;

public class LetterUpdateConfiguration : IEntityTypeConfiguration<LetterUpdate>
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<LetterUpdate> update)
    {
        update.HasIndex(u => new { u.LetterId, u.CreatedAt });
        update.HasIndex(u => u.State);
        // One notice per version of the text: pressing "notify" again cannot write to the same signers twice. News
        // (null) is not constrained, since unique indexes take nulls as distinct on both providers.
        update.HasIndex(u => new { u.LetterId, u.NoticeOfVersion }).IsUnique();
        update.Property(u => u.CreatedBy).HasMaxLength(256);
        update.Property(u => u.Country).HasMaxLength(2);
        // Both are checked on every save: a chunk written while the organisers paused, or by another instance from the
        // same cursor, matches no row and rolls back with its emails.
        update.Property(u => u.State).HasConversion<string>().HasMaxLength(20).IsConcurrencyToken();
        update.Property(u => u.Cursor).IsConcurrencyToken();
        update.Property(u => u.Texts).HasConversion(
            texts => JsonSerializer.Serialize(texts, Json),
            json => JsonSerializer.Deserialize<List<UpdateText>>(json, Json) ?? new List<UpdateText>(),
            new ValueComparer<List<UpdateText>>((a, b) => a!.SequenceEqual(b!), t => t.Count, t => t.ToList()));
        update.HasOne<Letter>().WithMany().HasForeignKey(u => u.LetterId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class LetterMomentConfiguration : IEntityTypeConfiguration<LetterMoment>
{
    public void Configure(EntityTypeBuilder<LetterMoment> moment)
    {
        // The one guarantee that a moment, and the email it causes, happens once whatever number of instances watch.
        moment.HasIndex(m => new { m.LetterId, m.Key }).IsUnique();
        moment.Property(m => m.Key).HasMaxLength(40);
        moment.Property(m => m.Kind).HasConversion<string>().HasMaxLength(20);
        moment.HasOne<Letter>().WithMany().HasForeignKey(m => m.LetterId).OnDelete(DeleteBehavior.Cascade);
    }
}
