using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Petition.Data.Letters;

namespace Petition.Data.Recipients;

/// <summary>How an addressee is stored, the same for the directory and a letter's recipients.</summary>
public static class AddresseeColumns
{
    public const int Name = 300, Organisation = 200, Language = 16;

    public static void Configure<T>(EntityTypeBuilder<T> addressee) where T : Addressee
    {
        // The addresses are stored only sealed (PersonalDataInterceptor).
        addressee.Ignore(a => a.Emails);
        addressee.Property(a => a.Name).HasMaxLength(Name);
        addressee.Property(a => a.Country).HasMaxLength(2);
        addressee.Property(a => a.Organisation).HasMaxLength(Organisation);
        addressee.Property(a => a.Language).HasMaxLength(Language).HasDefaultValue("en");
    }
}

public class DirectoryEntryConfiguration : IEntityTypeConfiguration<DirectoryEntry>
{
    public void Configure(EntityTypeBuilder<DirectoryEntry> entry)
    {
        AddresseeColumns.Configure(entry);
        entry.HasIndex(e => e.Name);
    }
}

public class RecipientConfiguration : IEntityTypeConfiguration<Recipient>
{
    public void Configure(EntityTypeBuilder<Recipient> recipient)
    {
        AddresseeColumns.Configure(recipient);
        recipient.Ignore(r => r.AnswerText);
        recipient.Property(r => r.AnswerStatus).HasConversion<string>().HasMaxLength(20);
        recipient.HasIndex(r => new { r.LetterId, r.Name });
        recipient.HasOne<Letter>().WithMany().HasForeignKey(r => r.LetterId).OnDelete(DeleteBehavior.Cascade);
        recipient.HasOne<DirectoryEntry>().WithMany().HasForeignKey(r => r.DirectoryEntryId).OnDelete(DeleteBehavior.SetNull);
    }
}

public class AnswerDocumentConfiguration : IEntityTypeConfiguration<AnswerDocument>
{
    public void Configure(EntityTypeBuilder<AnswerDocument> document)
    {
        document.HasIndex(d => d.RecipientId).IsUnique();
        document.Property(d => d.FileName).HasMaxLength(200);
        document.Property(d => d.MediaType).HasMaxLength(40);
        document.HasOne<Recipient>().WithMany().HasForeignKey(d => d.RecipientId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class DeliveryConfiguration : IEntityTypeConfiguration<Delivery>
{
    public void Configure(EntityTypeBuilder<Delivery> delivery)
    {
        delivery.HasIndex(d => new { d.LetterId, d.Number }).IsUnique();
        delivery.HasIndex(d => new { d.LetterId, d.RequestId }).IsUnique();
        delivery.Property(d => d.CreatedBy).HasMaxLength(256);
        delivery.Property(d => d.Note).HasMaxLength(4000);
        delivery.HasOne<Letter>().WithMany().HasForeignKey(d => d.LetterId).OnDelete(DeleteBehavior.Cascade);
        delivery.HasMany(d => d.Packs).WithOne().HasForeignKey(p => p.DeliveryId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class DeliveryPackConfiguration : IEntityTypeConfiguration<DeliveryPack>
{
    public void Configure(EntityTypeBuilder<DeliveryPack> pack)
    {
        pack.HasIndex(p => p.TokenHash).IsUnique();
        // Exactly one pack per recipient per delivery, whatever posts the form.
        pack.HasIndex(p => new { p.DeliveryId, p.RecipientId }).IsUnique();
        pack.Property(p => p.FailureNote).HasMaxLength(500);
        pack.Property(p => p.Reference).HasMaxLength(200);
        pack.HasOne<Recipient>().WithMany().HasForeignKey(p => p.RecipientId).OnDelete(DeleteBehavior.Cascade);
    }
}
