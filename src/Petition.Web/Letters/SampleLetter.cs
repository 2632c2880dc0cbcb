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
        letter.Versions.Add(new LetterVersion { Version = 1, Title = letter.Title, Body = letter.Body, Recipients = letter.Recipients,
            CreatedAt = letter.CreatedAt });
        db.Letters.Add(letter);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            db.LetterVersionTranslations.AddRange(LetterVersionTranslation.OfCurrent(letter));
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
        Translations = [French(now)],
    };

    /// <summary>The sample's French text, so a newcomer sees a translated letter with a French browser.</summary>
    static LetterTranslation French(DateTimeOffset now) => new()
    {
        Language = "fr",
        UpdatedAt = now,
        Title = "Posez les questions difficiles lors de l'Examen périodique universel",
        Body = """
            Excellences,

            Tous les quelques années, l'Examen périodique universel donne à chaque État l'occasion de demander à un
            autre, en public et officiellement, comment il tient les promesses faites en signant les traités relatifs
            aux droits humains. L'examen ne sert que si les États saisissent cette occasion. Une question qui n'est pas
            posée à Genève est une réponse qui n'est jamais donnée.

            Nous vous écrivons en tant que médecins, infirmières et infirmiers, chercheurs, parlementaires, juristes et
            journalistes qui suivons depuis de nombreuses années des informations crédibles faisant état de
            **détentions sans procès, de torture et de prélèvements d'organes sur des prisonniers d'opinion**. Des
            chercheurs indépendants ont comparé les volumes de transplantation publiés à ce que pourrait fournir un
            système de don volontaire, et ont relevé des écarts qu'aucune explication officielle n'a comblés. Des délais
            d'attente de quelques jours ou semaines pour un organe compatible, là où d'autres pays les comptent en mois
            ou en années, en sont un signe parmi d'autres.

            Nous demandons donc à votre délégation, lors du prochain examen :

            1. De soulever, dans vos recommandations, le sort des personnes détenues pour leurs convictions, et de
               demander que les Rapporteurs spéciaux des Nations unies sur la torture et sur la liberté de religion ou
               de conviction puissent se rendre sur place.
            2. De demander des données transparentes et vérifiables sur le don et la transplantation d'organes :
               origine des organes, délais d'attente et nombre de transplantations réalisées dans chaque hôpital.
            3. De soutenir la nomination d'un expert indépendant chargé d'examiner les allégations de prélèvements
               forcés d'organes et de faire rapport au Conseil des droits de l'homme.
            4. De réexaminer votre propre législation, afin qu'aucun citoyen, hôpital ou assureur de votre pays ne
               participe à un tourisme de transplantation qui pourrait reposer sur de tels abus.

            Le silence vaut consentement. Nous vous demandons de ne pas vous taire.

            Avec nos respectueuses salutations,

            *Les signataires*
            """,
    };
}
