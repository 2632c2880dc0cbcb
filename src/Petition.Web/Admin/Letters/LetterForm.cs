using System.Globalization;
using Petition.Data.Letters;

namespace Petition.Web.Admin.Letters;

/// <summary>The letter editor's fields, as the form posts them.</summary>
public class LetterForm
{
    public string Slug { get; set; } = "";
    public string Title { get; set; } = "";
    public string Recipients { get; set; } = "";
    public string Body { get; set; } = "";
    public int? Goal { get; set; }
    /// <summary>UTC, as a datetime-local field sends it ("2026-12-01T09:00").</summary>
    public string? OpensAt { get; set; }
    public string? ClosesAt { get; set; }
    /// <summary>At the deadline, deliver to every recipient at once.</summary>
    public bool DeliverAtClose { get; set; }
    /// <summary>Numbers of signatures, separated by commas or spaces ("100, 1000, 10000").</summary>
    public string? Milestones { get; set; } = string.Join(", ", Letter.DefaultMilestones);
    public LetterStatus Status { get; set; }
    public ModerationMode ModerationMode { get; set; }
    /// <summary>One category per line.</summary>
    public string? Categories { get; set; }
    public string? IdentificationNote { get; set; }
    /// <summary>Switched on when the letter is under attack: signing then costs a proof of work.</summary>
    public bool RequireProofOfWork { get; set; }
    /// <summary>Origins allowed to frame the letter's embed, one per line ("https://partner.example").</summary>
    public string? EmbedHosts { get; set; }
    /// <summary>Said on the public version history when the text of a published letter changes.</summary>
    public string? ChangeSummary { get; set; }
    public FieldChoices Fields { get; set; } = new();

    /// <summary>The visibility levels the form offers signers, as their words; each an unticked-or-ticked checkbox.</summary>
    public List<string> Visibilities { get; set; } = Petition.Data.Signatures.Visibilities.Words.Select(w => w.Word).ToList();

    /// <summary>Hold the names back until an organiser publishes them (the count still shows).</summary>
    public bool NamesHeld { get; set; }

    /// <summary>UTC, as a datetime-local field sends it: names published from then on.</summary>
    public string? NamesHeldUntil { get; set; }

    /// <summary>Let search engines index the list of signatories.</summary>
    public bool IndexSignatories { get; set; }

    /// <summary>Take signatures on behalf of organisations, counted and listed apart.</summary>
    public bool AcceptsOrganisations { get; set; }

    /// <summary>Days after closing at which addresses and request data are erased; empty to keep them.</summary>
    public int? ContactRetentionDays { get; set; }

    /// <summary>Who is behind the letter (its logo is uploaded apart, see the editor's logo form).</summary>
    public Organiser Organiser { get; set; } = new();

    public string VisibilityWords() => string.Join(' ', Visibilities.Select(Petition.Data.Signatures.Visibilities.Parse)
        .OfType<Petition.Data.Signatures.Visibility>().Distinct().Order().Select(Petition.Data.Signatures.Visibilities.Word));

    /// <summary>A method, not a property, so model binding leaves it alone.</summary>
    public List<string> CategoryList() => (Categories ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Distinct(StringComparer.Ordinal).ToList();

    public List<string> EmbedHostList() => (EmbedHosts ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(h => Sharing.EmbedOrigins.TryNormalize(h, out var origin) ? origin : h)
        .Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    public static DateTimeOffset? ParseUtc(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed) ? parsed : null;

    /// <summary>The milestones as numbers, in order, once each; null when one is not a whole number above zero.</summary>
    public List<int>? MilestoneList()
    {
        var parts = (Milestones ?? "").Split([',', ' ', ';', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var numbers = parts.Select(p => int.TryParse(p.Replace("_", ""), NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : (int?)null).ToList();
        return numbers.Any(n => n is null) ? null : numbers.Select(n => n!.Value).Distinct().Order().ToList();
    }

    public static string? FormatUtc(DateTimeOffset? value) =>
        value?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    public static LetterForm From(Letter letter) => new()
    {
        Slug = letter.Slug,
        Title = letter.Title,
        Recipients = letter.Recipients,
        Body = letter.Body,
        Goal = letter.Goal,
        OpensAt = FormatUtc(letter.OpensAt),
        ClosesAt = FormatUtc(letter.ClosesAt),
        DeliverAtClose = letter.DeliverAtClose,
        Milestones = string.Join(", ", letter.Milestones),
        Status = letter.Status,
        ModerationMode = letter.ModerationMode,
        Categories = string.Join('\n', letter.Categories),
        IdentificationNote = letter.IdentificationNote,
        RequireProofOfWork = letter.RequireProofOfWork,
        EmbedHosts = string.Join('\n', letter.EmbedHosts),
        Fields = FieldChoices.From(letter.Fields),
        Visibilities = letter.Fields.Offered().Select(Petition.Data.Signatures.Visibilities.Word).ToList(),
        NamesHeld = letter.NamesHeld,
        NamesHeldUntil = FormatUtc(letter.NamesHeldUntil),
        IndexSignatories = letter.IndexSignatories,
        AcceptsOrganisations = letter.AcceptsOrganisations,
        ContactRetentionDays = letter.ContactRetentionDays,
        Organiser = new Organiser
        {
            Name = letter.Organiser.Name, Email = letter.Organiser.Email, Website = letter.Organiser.Website,
            LegalNotice = letter.Organiser.LegalNotice, ConfirmationMessage = letter.Organiser.ConfirmationMessage,
            ThankYouMessage = letter.Organiser.ThankYouMessage,
        },
    };
}

/// <summary>Per optional field of the signing form: hidden, optional or required, and published or not.</summary>
public class FieldChoices
{
    public FieldChoice Title { get; set; } = new();
    public FieldChoice Organization { get; set; } = new();
    public FieldChoice Country { get; set; } = new();
    public FieldChoice Category { get; set; } = new();
    public FieldChoice City { get; set; } = new();
    public FieldChoice Comment { get; set; } = new();

    public static readonly IReadOnlyList<(string Name, string Label)> Names =
    [
        ("Title", "Title or position"), ("Organization", "Organisation"), ("Country", "Country"),
        ("Category", "Category"), ("City", "City"), ("Comment", "Comment"),
    ];

    public FieldChoice this[string name] => name switch
    {
        "Title" => Title, "Organization" => Organization, "Country" => Country,
        "Category" => Category, "City" => City, "Comment" => Comment,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Not an optional field."),
    };

    public static FieldChoices From(LetterFields fields) => new()
    {
        Title = FieldChoice.From(fields.Title), Organization = FieldChoice.From(fields.Organization),
        Country = FieldChoice.From(fields.Country), Category = FieldChoice.From(fields.Category),
        City = FieldChoice.From(fields.City), Comment = FieldChoice.From(fields.Comment),
    };

    public LetterFields ToLetterFields() => new()
    {
        Title = Title.ToRule(), Organization = Organization.ToRule(), Country = Country.ToRule(),
        Category = Category.ToRule(), City = City.ToRule(), Comment = Comment.ToRule(),
    };
}

public class FieldChoice
{
    public FieldMode Mode { get; set; } = FieldMode.Optional;
    /// <summary>False unless the box is ticked: an unticked checkbox posts nothing.</summary>
    public bool Public { get; set; }

    public static FieldChoice From(FieldRule rule) => new() { Mode = rule.Mode, Public = rule.Public };
    public FieldRule ToRule() => new(Mode, Public);
}
