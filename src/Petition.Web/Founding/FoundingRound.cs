using Microsoft.Extensions.Options;
using Microsoft.EntityFrameworkCore;
using Petition.Data;
using Petition.Data.Founding;
using Petition.Data.Letters;
using Petition.Data.Sealing;
using Petition.Data.Signatures;
using Petition.Web.Admin.Audit;
using Petition.Web.Keys;
using Petition.Web.Letters;
using Petition.Web.Signing;
using Petition.Web.Text;

namespace Petition.Web.Founding;

public enum InvitationStatus { Ready, Signed, Used, NotFound, LetterClosed, OtherAddress, AlreadySigned, Expired }

/// <summary>An invitation as its page shows it: opened for the person it was sent to.</summary>
public record InvitationView(InvitationStatus Status, Letter? Letter = null, string? Email = null, string? Name = null);

/// <summary>
/// The founding round (decision 030): organisers invite people by name before launch; each emailed link signs once,
/// for the address it was sent to, and the email it came in is the confirmation (opening it proves the address).
/// A signature made while the letter is a draft is a founding one: counted, public only once the letter opens, and
/// listed first then.
/// </summary>
public class FoundingRound(PetitionDbContext db, PersonalDataKeys keys, FoundingEmails mail, SignatureFactory factory, SignatureLinks links,
    SignatureEmails emails, PublicView publicView, ConfirmStep step, AuditTrail audit, IOptions<FoundingOptions> options, TimeProvider time)
{
    /// <summary>
    /// The founding sign-up's address: the slug alone would show a draft to anyone who guessed or heard it, so the
    /// link carries a key only the organisers hand out (a keyed hash of the letter, so nothing is stored and every
    /// instance agrees).
    /// </summary>
    public string SignUpPath(Letter letter) => $"/letters/{Uri.EscapeDataString(letter.Slug)}/founding/{SignUpKey(letter)}";

    string SignUpKey(Letter letter) => keys.Hash($"founding-sign-up:{letter.Id}")[..32];

    /// <summary>The draft a founding sign-up link opens: in its founding round, and only with its key.</summary>
    public async Task<Letter?> DraftForSignUpAsync(string slug, string key, CancellationToken cancellationToken) =>
        await db.Letters.FoundingDraftBySlug(slug, cancellationToken) is { } draft
        && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.ASCII.GetBytes(SignUpKey(draft)), System.Text.Encoding.ASCII.GetBytes(key))
            ? draft : null;

    /// <summary>
    /// Whether a letter takes invitations now: a draft does (its founding round), a published letter while it takes
    /// signatures. Asked when they are sent and when one is used.
    /// </summary>
    public static bool Invites(Letter letter, DateTimeOffset now) => letter.Status == LetterStatus.Draft || letter.IsOpenAt(now);

    /// <summary>Invitations sent since then still sign; older ones have expired and may be sent again.</summary>
    DateTimeOffset LiveSince => time.GetUtcNow() - options.Value.InvitationLifetime;

    /// <summary>The lines, with the faults only the database knows added: invited already, or signed already.</summary>
    public async Task<List<InvitationLine>> CheckAsync(Letter letter, List<InvitationLine> lines, CancellationToken cancellationToken)
    {
        var hashes = lines.Where(l => l.IsValid).ToDictionary(l => l.Number, l => keys.AddressHash(EmailAddress.Canonicalize(l.Email)));
        var wanted = hashes.Values.ToList();
        var liveSince = LiveSince;
        var invited = (await db.Invitations.Where(i => i.LetterId == letter.Id && wanted.Contains(i.EmailHash) && (i.UsedAt != null || i.CreatedAt > liveSince))
            .Select(i => i.EmailHash).ToListAsync(cancellationToken)).ToHashSet();
        var signed = (await db.Signatures.Where(s => s.LetterId == letter.Id && !s.ForOrganisation && wanted.Contains(s.EmailHash))
            .Select(s => s.EmailHash).ToListAsync(cancellationToken)).ToHashSet();
        return lines.Select(l => !l.IsValid ? l
            : invited.Contains(hashes[l.Number]) ? l with { Error = "Invited already." }
            : signed.Contains(hashes[l.Number]) ? l with { Error = "This address has signed the letter already." }
            : l).ToList();
    }

    /// <summary>Invites every valid line, each email through the outbox in the same transaction; returns how many.</summary>
    public async Task<int> InviteAsync(Letter letter, List<InvitationLine> lines, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var valid = (await CheckAsync(letter, lines, cancellationToken)).Where(l => l.IsValid).ToList();
        foreach (var line in valid)
        {
            var token = VerificationToken.Create();
            db.Invitations.Add(new Invitation
            {
                LetterId = letter.Id, EmailHash = keys.AddressHash(EmailAddress.Canonicalize(line.Email)),
                SealedEmail = SealedStrings.Seal(keys, line.Email.Trim())!, SealedName = line.Name is null ? null : SealedStrings.Seal(keys, line.Name),
                TokenHash = token.Hash, CreatedAt = now, CreatedBy = audit.ActorName,
            });
            db.Outbox.Add(mail.Invitation(letter, line.Email.Trim(), line.Name, token, now + options.Value.InvitationLifetime));
        }
        if (valid.Count > 0)
        {
            audit.Record("letter.invited", letter.Id, detail: $"{valid.Count} personal invitation(s) sent");
            await db.SaveChangesAsync(cancellationToken);
        }
        return valid.Count;
    }

    /// <summary>
    /// Withdraws the unused invitations sent to this address: their links then sign nothing and show nothing (an
    /// unknown link). A used one stays: its signature is the signer's. Returns how many were withdrawn.
    /// </summary>
    public async Task<int> WithdrawAsync(Letter letter, string email, CancellationToken cancellationToken)
    {
        var hash = keys.AddressHash(EmailAddress.Canonicalize(email));
        var unused = await db.Invitations.Where(i => i.LetterId == letter.Id && i.EmailHash == hash && i.UsedAt == null).ToListAsync(cancellationToken);
        if (unused.Count == 0)
            return 0;
        db.Invitations.RemoveRange(unused);
        audit.Record("letter.invitation-withdrawn", letter.Id, detail: $"{unused.Count} unused personal invitation(s) withdrawn");
        await db.SaveChangesAsync(cancellationToken);
        return unused.Count;
    }

    public async Task<InvitationView> FindAsync(string token, CancellationToken cancellationToken)
    {
        var (invitation, view) = await LoadAsync(token, cancellationToken);
        return invitation is null ? view : view with { Status = InvitationStatus.Ready };
    }

    /// <summary>
    /// Signs through the invitation: only for its own address, only once. The claim on the invitation and the
    /// signature are one transaction, so two presses at once sign once.
    /// </summary>
    public async Task<InvitationView> SignAsync(string token, SignatureInput input, RequestInfo request, CancellationToken cancellationToken)
    {
        var (invitation, view) = await LoadAsync(token, cancellationToken);
        if (invitation is null)
            return view;
        var letter = view.Letter!;
        var canonical = EmailAddress.Canonicalize(input.Email ?? "");
        if (keys.AddressHash(canonical) != invitation.EmailHash)
            return view with { Status = InvitationStatus.OtherAddress };
        var forOrganisation = input.ForOrganization && letter.AcceptsOrganisations;
        if (await db.Signatures.AnyAsync(s => s.LetterId == letter.Id && s.EmailHash == invitation.EmailHash && s.ForOrganisation == forOrganisation, cancellationToken))
            return view with { Status = InvitationStatus.AlreadySigned };

        var now = time.GetUtcNow();
        var signature = factory.Create(letter, input, canonical, SignatureSource.Form, request);
        signature.Email = view.Email!; // the invited address as the organisers wrote it (the same once canonical)
        signature.Invited = true;
        signature.EmailsSent = 1;
        // The invitation's email proved the address: what a confirmation does, the impersonation guard included.
        var moved = await step.ApplyAsync(signature, letter, now, cancellationToken);
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var claimed = await db.Invitations.Where(i => i.Id == invitation.Id && i.UsedAt == null)
                .ExecuteUpdateAsync(i => i.SetProperty(x => x.UsedAt, now), cancellationToken);
            if (claimed == 0)
                return view with { Status = InvitationStatus.Used };
            db.Signatures.Add(signature);
            db.Outbox.Add(emails.SignedByInvitation(letter, signature, links.Manage(signature)));
            await db.SaveChangesAsync(cancellationToken);
            await db.Invitations.Where(i => i.Id == invitation.Id)
                .ExecuteUpdateAsync(i => i.SetProperty(x => x.SignatureId, signature.Id), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        if (moved.PublicViewChanged)
            publicView.Published(letter.Id, listed: signature.IsListed(), organisation: signature.ForOrganisation);
        return view with { Status = InvitationStatus.Signed };
    }

    async Task<(Invitation?, InvitationView)> LoadAsync(string token, CancellationToken cancellationToken)
    {
        if (!VerificationToken.LooksValid(token))
            return (null, new(InvitationStatus.NotFound));
        var hash = VerificationToken.HashOf(token);
        var invitation = await db.Invitations.AsNoTracking().Include(i => i.Letter).ThenInclude(l => l.Translations)
            .FirstOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
        if (invitation is null)
            return (null, new(InvitationStatus.NotFound));
        var view = new InvitationView(InvitationStatus.Ready, invitation.Letter, SealedStrings.Open(keys, invitation.SealedEmail, 1)[0],
            invitation.SealedName is null ? null : SealedStrings.Open(keys, invitation.SealedName, 1)[0]);
        // A link that no longer signs shows nothing of the letter (its title or notice would tell of a draft).
        if (invitation.UsedAt is not null)
            return (null, new(InvitationStatus.Used));
        if (invitation.CreatedAt <= LiveSince)
            return (null, new(InvitationStatus.Expired));
        if (!Invites(invitation.Letter, time.GetUtcNow()))
            return (null, new(InvitationStatus.LetterClosed));
        return (invitation, view);
    }
}
