using System.Text.Json;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Petition.Data.Letters;
using Petition.Data.Outbox;
using Petition.Data.Signatures;

namespace Petition.Data;

public class PetitionDbContext(DbContextOptions<PetitionDbContext> options)
    : IdentityDbContext<IdentityUser>(options), IDataProtectionKeyContext
{
    public DbSet<Letter> Letters => Set<Letter>();
    public DbSet<Signature> Signatures => Set<Signature>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        // SQLite stores DateTimeOffset as text and cannot order or compare it; UTC ticks sort correctly.
        if (Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite")
            builder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }

    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);

        model.Entity<Letter>(letter =>
        {
            letter.HasIndex(l => l.Slug).IsUnique();
            letter.Property(l => l.Slug).HasMaxLength(100);
            letter.Property(l => l.Title).HasMaxLength(300);
            letter.Property(l => l.Recipients).HasMaxLength(1000);
            letter.Property(l => l.Status).HasConversion<string>().HasMaxLength(20);
            letter.Property(l => l.ModerationMode).HasConversion<string>().HasMaxLength(20);
            letter.Property(l => l.Fields).HasConversion(
                fields => JsonSerializer.Serialize(fields, JsonOptions),
                json => JsonSerializer.Deserialize<LetterFields>(json, JsonOptions) ?? new LetterFields(),
                new ValueComparer<LetterFields>((a, b) => a == b, f => f.GetHashCode()));
        });

        model.Entity<Signature>(signature =>
        {
            signature.HasIndex(s => new { s.LetterId, s.EmailCanonical }).IsUnique();
            signature.HasIndex(s => s.ConfirmationTokenHash).IsUnique();
            // The public list: one letter's published signatures, newest first, by keyset.
            signature.HasIndex(s => new { s.LetterId, s.State, s.PublishedAt, s.Id });
            signature.Property(s => s.State).HasConversion<string>().HasMaxLength(20);
            signature.Property(s => s.Source).HasConversion<string>().HasMaxLength(20);
            signature.Property(s => s.Name).HasMaxLength(SignatureLimits.Name);
            signature.Property(s => s.Email).HasMaxLength(SignatureLimits.Email);
            signature.Property(s => s.EmailCanonical).HasMaxLength(SignatureLimits.Email);
            signature.Property(s => s.Title).HasMaxLength(SignatureLimits.Title);
            signature.Property(s => s.Organization).HasMaxLength(SignatureLimits.Organization);
            signature.Property(s => s.Category).HasMaxLength(SignatureLimits.Category);
            signature.Property(s => s.Country).HasMaxLength(2);
            signature.Property(s => s.City).HasMaxLength(SignatureLimits.City);
            signature.Property(s => s.Comment).HasMaxLength(SignatureLimits.Comment);
            signature.Property(s => s.SearchText).HasMaxLength(SignatureLimits.Name + SignatureLimits.Organization + 1);
            signature.Property(s => s.IpAddress).HasMaxLength(64);
            signature.Property(s => s.UserAgent).HasMaxLength(512);
            signature.Property(s => s.ModerationReason).HasMaxLength(1000);
        });

        model.Entity<OutboxMessage>(message =>
        {
            message.HasIndex(m => new { m.SentAt, m.NextAttemptAt });
            message.Property(m => m.ToAddress).HasMaxLength(SignatureLimits.Email);
            message.Property(m => m.ToName).HasMaxLength(SignatureLimits.Name);
            message.Property(m => m.Subject).HasMaxLength(500);
            message.Property(m => m.LastError).HasMaxLength(2000);
        });
    }

    static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}
