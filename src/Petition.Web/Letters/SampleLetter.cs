using Microsoft.EntityFrameworkCore;
using Petition.Data;
using Petition.Data.Letters;

namespace Petition.Web.Letters;

/// <summary>The letter an empty database starts with: open, post-moderated, nothing but name and email required.</summary>
public class SampleLetter(PetitionDbContext db, TimeProvider time, ILogger<SampleLetter> logger)
{
    public const string Slug = "upr-accountability";

    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        if (await db.Letters.AnyAsync(cancellationToken))
            return;
        var letter = Create(time.GetUtcNow());
        letter.Versions.Add(new LetterVersion { Version = 1, Title = letter.Title, Body = letter.Body, CreatedAt = letter.CreatedAt });
        db.Letters.Add(letter);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Created the sample letter at /letters/{Slug}", Slug);
        }
        catch (DbUpdateException)
        {
            // Another instance seeded it first: the unique slug kept us to one letter.
            db.ChangeTracker.Clear();
        }
    }

    public static Letter Create(DateTimeOffset now) => new()
    {
        Slug = Slug,
        Title = "Ask the hard questions at the Universal Periodic Review",
        Recipients = "The Permanent Missions of the Member States of the United Nations to the Human Rights Council, Geneva",
        Status = LetterStatus.Open,
        ModerationMode = ModerationMode.Post,
        Goal = 1000,
        CreatedAt = now,
        Categories = ["Physician", "Nurse or health worker", "Professor or researcher", "Legislator", "Lawyer", "Journalist", "Other"],
        Body = """
            Excellencies,

            Every few years the Universal Periodic Review gives each State the chance to ask another, in public and on
            the record, how it keeps the promises it made when it signed the human-rights treaties. The review works
            only when States use that chance. A question not asked in Geneva is an answer never given.

            We write as doctors, nurses, researchers, lawmakers, lawyers and journalists who have followed, for many
            years, credible reports of **detention without trial, torture, and the taking of organs from prisoners of
            conscience**. Independent researchers have compared published transplant volumes with the supply that a
            voluntary donation system could provide, and have found gaps that no official account has explained.
            Waiting times of days or weeks for a matching organ, where other countries count them in months or years,
            are one sign among many.

            We therefore ask your delegation, at the coming review:

            1. To raise, in your recommendations, the treatment of people held for their beliefs, and to ask for access
               for the UN Special Rapporteurs on torture and on freedom of religion or belief.
            2. To ask for transparent, verifiable data on organ donation and transplantation: sources of organs,
               waiting times, and the number of transplants performed in each hospital.
            3. To support the appointment of an independent expert to examine allegations of forced organ harvesting,
               and to report to the Human Rights Council.
            4. To review your own laws, so that no citizen, hospital or insurer of your country takes part in
               transplant tourism that may rest on such abuses.

            Silence is read as consent. We ask you not to be silent.

            Respectfully,

            *The undersigned*
            """,
    };
}
