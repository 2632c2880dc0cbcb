using System.Text.Json;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Petition.Data.Audit;
using Petition.Data.Keys;
using Petition.Data.Letters;
using Petition.Data.Moderation;
using Petition.Data.Outbox;
using Petition.Data.Recipients;
using Petition.Data.Seals;
using Petition.Data.Founding;
using Petition.Data.Signatures;
using Petition.Data.Updates;

namespace Petition.Data;

public class PetitionDbContext(DbContextOptions<PetitionDbContext> options)
    : IdentityDbContext<IdentityUser>(options), IDataProtectionKeyContext
{
    public DbSet<Letter> Letters => Set<Letter>();
    public DbSet<Signature> Signatures => Set<Signature>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<SignatureToken> SignatureTokens => Set<SignatureToken>();
    public DbSet<LetterVersion> LetterVersions => Set<LetterVersion>();
    public DbSet<LetterVersionTranslation> LetterVersionTranslations => Set<LetterVersionTranslation>();
    public DbSet<LetterTranslation> LetterTranslations => Set<LetterTranslation>();
    public DbSet<AuditEntry> Audit => Set<AuditEntry>();
    public DbSet<BlockRule> BlockRules => Set<BlockRule>();
    public DbSet<OrganisationDomain> OrganisationDomains => Set<OrganisationDomain>();
    public DbSet<WatchedName> WatchedNames => Set<WatchedName>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<SiteKey> SiteKeys => Set<SiteKey>();
    public DbSet<WithdrawnAddress> WithdrawnAddresses => Set<WithdrawnAddress>();
    public DbSet<LetterLogo> LetterLogos => Set<LetterLogo>();
    public DbSet<ListSeal> ListSeals => Set<ListSeal>();
    public DbSet<ListSealPart> ListSealParts => Set<ListSealPart>();
    public DbSet<DirectoryEntry> RecipientDirectory => Set<DirectoryEntry>();
    public DbSet<Recipient> Recipients => Set<Recipient>();
    public DbSet<AnswerDocument> AnswerDocuments => Set<AnswerDocument>();
    public DbSet<Delivery> Deliveries => Set<Delivery>();
    public DbSet<DeliveryPack> DeliveryPacks => Set<DeliveryPack>();
    public DbSet<LetterUpdate> LetterUpdates => Set<LetterUpdate>();
    public DbSet<LetterMoment> LetterMoments => Set<LetterMoment>();
    public DbSet<Invitation> Invitations => Set<Invitation>();

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        // SQLite stores DateTimeOffset as text and cannot order or compare it; UTC ticks sort correctly.
        if (Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite")
            builder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }

    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        var postgres = Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";
        if (postgres)
            model.HasPostgresExtension("pg_trgm");

        model.Entity<Letter>(letter =>
        {
            letter.HasIndex(l => l.Slug).IsUnique();
            letter.Property(l => l.Slug).HasMaxLength(100);
            letter.Property(l => l.Title).HasMaxLength(300);
            letter.Property(l => l.Recipients).HasMaxLength(1000);
            letter.Property(l => l.IdentificationNote).HasMaxLength(1000);
            letter.Property(l => l.Language).HasMaxLength(16).HasDefaultValue("en");
            letter.Property(l => l.Status).HasConversion<string>().HasMaxLength(20);
            letter.Property(l => l.ModerationMode).HasConversion<string>().HasMaxLength(20);
            letter.ComplexProperty(l => l.Organiser, organiser =>
            {
                organiser.Property(o => o.Name).HasMaxLength(200);
                organiser.Property(o => o.Email).HasMaxLength(254);
                organiser.Property(o => o.Website).HasMaxLength(500);
                organiser.Property(o => o.LegalNotice).HasMaxLength(2000);
                organiser.Property(o => o.ConfirmationMessage).HasMaxLength(2000);
                organiser.Property(o => o.ThankYouMessage).HasMaxLength(2000);
                organiser.Property(o => o.LogoType).HasMaxLength(20);
            });
            letter.Property(l => l.Fields).HasConversion(
                fields => JsonSerializer.Serialize(fields, JsonOptions),
                json => JsonSerializer.Deserialize<LetterFields>(json, JsonOptions) ?? new LetterFields(),
                new ValueComparer<LetterFields>((a, b) => a == b, f => f.GetHashCode()));
        });

        model.Entity<LetterTranslation>(translation => translation.Property(t => t.Recipients).HasMaxLength(1000));

        model.ApplyConfiguration(new ListSealConfiguration());
        model.ApplyConfiguration(new ListSealPartConfiguration());
        model.ApplyConfiguration(new DirectoryEntryConfiguration());
        model.ApplyConfiguration(new RecipientConfiguration());
        model.ApplyConfiguration(new AnswerDocumentConfiguration());
        model.ApplyConfiguration(new DeliveryConfiguration());
        model.ApplyConfiguration(new DeliveryPackConfiguration());
        model.ApplyConfiguration(new LetterUpdateConfiguration());
        model.ApplyConfiguration(new LetterMomentConfiguration());

        model.Entity<LetterLogo>(logo =>
        {
            logo.HasKey(l => l.LetterId);
            logo.HasOne<Letter>().WithOne().HasForeignKey<LetterLogo>(l => l.LetterId).OnDelete(DeleteBehavior.Cascade);
        });

        model.Entity<Signature>(signature =>
        {
            // Personal data is stored only sealed (PersonalDataInterceptor): these are what the app works with in memory.
            signature.Ignore(s => s.Email);
            signature.Ignore(s => s.IpAddress);
            signature.Ignore(s => s.UserAgent);
            signature.Property(s => s.EmailHash).HasMaxLength(64);
            signature.Property(s => s.DomainHash).HasMaxLength(64);
            signature.Property(s => s.CountryHash).HasMaxLength(64);
            signature.Property(s => s.CategoryHash).HasMaxLength(64);
            // One signature per address per letter, and one more on behalf of an organisation (Signature.ForOrganisation).
            signature.HasIndex(s => new { s.LetterId, s.EmailHash, s.ForOrganisation }).IsUnique();
            signature.HasIndex(s => s.ConfirmationTokenHash).IsUnique();
            // The public list: one letter's published signatures, newest first, by keyset.
            signature.HasIndex(s => new { s.LetterId, s.State, s.PublishedAt, s.Id });
            // The public count (SignatureCounter): read from the index alone, not from a million rows of the table.
            signature.HasIndex(s => new { s.LetterId, s.State, s.ListPublicly });
            // The public list filtered by country: its page and its count, without reading the whole letter.
            signature.HasIndex(s => new { s.LetterId, s.Country, s.State, s.PublishedAt, s.Id });
            // The same for a section of the list (its category): each section's first names and its count.
            signature.HasIndex(s => new { s.LetterId, s.Category, s.State, s.PublishedAt, s.Id });
            // Search is LIKE '%term%' on the lower-cased text: a trigram index serves it on PostgreSQL. SQLite
            // has no such index and scans the letter's rows.
            if (postgres)
                signature.HasIndex(s => s.SearchText).HasMethod("gin").HasOperators("gin_trgm_ops");
            // The notable signatories, listed first on every first page: found without scanning the whole list.
            signature.HasIndex(s => new { s.LetterId, s.Notable, s.NotableOrder });
            // Every save of a signature says which state it moved from: a move made from a state another request
            // has just left (a moderator approving what its signer withdrew a moment before, two presses of one
            // button) matches no row and fails, whichever page or service made it (SignatureLifecycle's rule holds).
            signature.Property(s => s.State).HasConversion<string>().HasMaxLength(20).IsConcurrencyToken();
            signature.Property(s => s.Source).HasConversion<string>().HasMaxLength(20);
            signature.Property(s => s.Visibility).HasConversion<string>().HasMaxLength(20);
            signature.Property(s => s.Verification).HasConversion<string>().HasMaxLength(20);
            signature.Property(s => s.CheckedNote).HasMaxLength(500);
            // The list filtered by a level above the floor: those are few, so a partial index finds them without
            // making every new (email-level) signature pay for one more index entry.
            signature.HasIndex(s => new { s.LetterId, s.Verification, s.State, s.PublishedAt, s.Id })
                .HasDatabaseName("IX_Signatures_Verified").HasFilter("\"Verification\" <> 'Email'");
            signature.Property(s => s.Name).HasMaxLength(SignatureLimits.Name);
            signature.Property(s => s.Title).HasMaxLength(SignatureLimits.Title);
            signature.Property(s => s.Organization).HasMaxLength(SignatureLimits.Organization);
            signature.Property(s => s.Category).HasMaxLength(SignatureLimits.Category);
            signature.Property(s => s.Country).HasMaxLength(2);
            signature.Property(s => s.City).HasMaxLength(SignatureLimits.City);
            signature.Property(s => s.Comment).HasMaxLength(SignatureLimits.Comment);
            signature.Property(s => s.SearchText).HasMaxLength(SignatureLimits.Name + SignatureLimits.Organization + 1);
            signature.Property(s => s.ModerationReason).HasMaxLength(1000);
            signature.Property(s => s.ModeratedBy).HasMaxLength(256);
            signature.Property(s => s.NetworkHash).HasMaxLength(64);
            signature.Property(s => s.BlockedReason).HasMaxLength(500);
            signature.Property(s => s.VerifiedDomain).HasMaxLength(253);
            signature.Property(s => s.Language).HasMaxLength(16);
            signature.Property(s => s.Website).HasMaxLength(SignatureLimits.Website);
            // The founding signatories, listed first at launch: few, found without scanning the list.
            signature.HasIndex(s => new { s.LetterId, s.Founding }).HasDatabaseName("IX_Signatures_Founding").HasFilter("\"Founding\"");
        });

        model.Entity<SignatureToken>(token =>
        {
            token.HasIndex(t => t.Hash).IsUnique();
            token.Property(t => t.Purpose).HasConversion<string>().HasMaxLength(20);
            token.Property(t => t.NetworkHash).HasMaxLength(64);
            token.Ignore(t => t.Details);
            token.HasOne(t => t.Signature).WithMany(s => s.Tokens).OnDelete(DeleteBehavior.Cascade);
        });

        model.Entity<LetterVersion>(version =>
        {
            version.HasIndex(v => new { v.LetterId, v.Version }).IsUnique();
            version.Property(v => v.Title).HasMaxLength(300);
            version.Property(v => v.ChangeSummary).HasMaxLength(2000);
            version.Property(v => v.TranslationChanged).HasMaxLength(16);
            version.Property(v => v.Recipients).HasMaxLength(1000);
            version.HasOne<Letter>().WithMany(l => l.Versions).HasForeignKey(v => v.LetterId);
        });

        model.Entity<LetterVersionTranslation>(translation =>
        {
            translation.HasIndex(t => new { t.LetterId, t.Version, t.Language }).IsUnique();
            translation.Property(t => t.Language).HasMaxLength(16);
            translation.Property(t => t.Title).HasMaxLength(300);
            translation.Property(t => t.Recipients).HasMaxLength(1000);
            translation.HasOne<Letter>().WithMany().HasForeignKey(t => t.LetterId).OnDelete(DeleteBehavior.Cascade);
        });

        model.Entity<LetterTranslation>(translation =>
        {
            translation.HasIndex(t => new { t.LetterId, t.Language }).IsUnique();
            translation.Property(t => t.Language).HasMaxLength(16);
            translation.Property(t => t.Title).HasMaxLength(300);
            translation.HasOne<Letter>().WithMany(l => l.Translations).HasForeignKey(t => t.LetterId).OnDelete(DeleteBehavior.Cascade);
        });

        model.Entity<AuditEntry>(entry =>
        {
            entry.HasIndex(e => e.At);
            entry.HasIndex(e => new { e.LetterId, e.At });
            entry.HasIndex(e => e.SignatureId);
            entry.Property(e => e.ActorId).HasMaxLength(450);
            entry.Property(e => e.Actor).HasMaxLength(256);
            entry.Property(e => e.Action).HasMaxLength(100);
            entry.Property(e => e.Detail).HasMaxLength(2000);
            entry.Property(e => e.IpAddress).HasMaxLength(64);
        });

        // One key per kind, its id fixed: two instances racing to create it collide on the key instead of using two.
        model.Entity<SiteKey>().Property(k => k.Id).ValueGeneratedNever();

        model.Entity<WithdrawnAddress>(withdrawn =>
        {
            // The key is the lookup: an import asks for a letter's hashes by the chunk.
            withdrawn.HasKey(w => new { w.LetterId, w.AddressHash });
            withdrawn.Property(w => w.AddressHash).HasMaxLength(64);
            withdrawn.HasOne<Letter>().WithMany().HasForeignKey(w => w.LetterId).OnDelete(DeleteBehavior.Cascade);
        });

        model.Entity<BlockRule>(rule =>
        {
            rule.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
            rule.Property(r => r.Value).HasMaxLength(SignatureLimits.Email);
            rule.Property(r => r.Reason).HasMaxLength(500);
            rule.Property(r => r.CreatedBy).HasMaxLength(256);
        });

        model.Entity<WatchedName>(watched =>
        {
            watched.Property(w => w.Name).HasMaxLength(SignatureLimits.Name);
            watched.Property(w => w.Note).HasMaxLength(500);
            watched.Property(w => w.CreatedBy).HasMaxLength(256);
        });

        model.Entity<Invitation>(invitation =>
        {
            invitation.HasIndex(i => i.TokenHash).IsUnique();
            invitation.HasIndex(i => new { i.LetterId, i.EmailHash });
            invitation.Property(i => i.EmailHash).HasMaxLength(64);
            invitation.Property(i => i.CreatedBy).HasMaxLength(256);
            invitation.HasOne(i => i.Letter).WithMany().OnDelete(DeleteBehavior.Cascade);
        });

        model.Entity<OrganisationDomain>(domain =>
        {
            domain.HasIndex(d => d.Domain).IsUnique();
            domain.Property(d => d.Organisation).HasMaxLength(SignatureLimits.Organization);
            domain.Property(d => d.Domain).HasMaxLength(253);
        });

        model.Entity<OutboxMessage>(message =>
        {
            message.HasIndex(m => new { m.SentAt, m.NextAttemptAt });
            // What the dispatcher claims, in the order it claims it: sent mail is kept for weeks, and a claim that
            // walked past it in id order got slower with every message sent (15 ms after 5,000 here).
            message.HasIndex(m => new { m.NextAttemptAt, m.Id }, "IX_Outbox_Pending")
                .HasFilter("\"SentAt\" IS NULL AND \"FailedAt\" IS NULL");
            message.Ignore(m => m.ToAddress);
            message.Ignore(m => m.ToName);
            message.Ignore(m => m.Subject);
            message.Ignore(m => m.TextBody);
            message.Ignore(m => m.FromName);
            message.Ignore(m => m.ReplyTo);
            message.Ignore(m => m.Unsubscribe);
            message.Property(m => m.ToHash).HasMaxLength(64);
            message.Property(m => m.LastError).HasMaxLength(2000);
        });
    }

    static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}
