namespace Petition.Data.Letters;

/// <summary>Which of the optional signature fields the letter's form shows, requires and publishes.</summary>
public record LetterFields
{
    /// <summary>The fields as edited, each remembering since when it has been public (<see cref="FieldRule.After"/>).</summary>
    public LetterFields After(LetterFields edited, DateTimeOffset now, bool anyoneSigned) => new()
    {
        Title = Title.After(edited.Title, now, anyoneSigned),
        Organization = Organization.After(edited.Organization, now, anyoneSigned),
        Country = Country.After(edited.Country, now, anyoneSigned),
        Category = Category.After(edited.Category, now, anyoneSigned),
        City = City.After(edited.City, now, anyoneSigned),
        Comment = Comment.After(edited.Comment, now, anyoneSigned),
        Visibilities = edited.Visibilities,
    };

    public FieldRule Title { get; init; } = new(FieldMode.Optional, Public: true);
    public FieldRule Organization { get; init; } = new(FieldMode.Optional, Public: true);
    public FieldRule Country { get; init; } = new(FieldMode.Optional, Public: true);
    public FieldRule Category { get; init; } = new(FieldMode.Optional, Public: false);
    public FieldRule City { get; init; } = new(FieldMode.Optional, Public: false);
    public FieldRule Comment { get; init; } = new(FieldMode.Optional, Public: false);

    /// <summary>The visibility levels the form offers, as their words (see <see cref="Signatures.Visibilities"/>), space-separated.</summary>
    public string Visibilities { get; init; } = "full name-and-country initials counted";

    public IReadOnlyList<Signatures.Visibility> Offered() =>
        Visibilities.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Signatures.Visibilities.Parse)
            .OfType<Signatures.Visibility>().Distinct().OrderBy(v => v).ToList() is { Count: > 0 } offered ? offered : [Signatures.Visibility.Full, Signatures.Visibility.Counted];

    public bool Offers(Signatures.Visibility level) => Offered().Contains(level);
}

public record FieldRule(FieldMode Mode, bool Public)
{
    /// <summary>
    /// When the organiser made the field public after the letter had opened: values given before then were given
    /// under a notice that said "organisers only", and stay so. Null when it was public from the start.
    /// </summary>
    public DateTimeOffset? PublicSince { get; init; }

    /// <summary>Whether this value, given at <paramref name="signedAt"/>, is on the public list: the one rule.</summary>
    public bool PublishedFor(DateTimeOffset signedAt) => Published && (PublicSince is null || signedAt > PublicSince);

    /// <summary>The rule as edited, remembering since when a field has been public; a field made public anew starts now.</summary>
    public FieldRule After(FieldRule edited, DateTimeOffset now, bool anyoneSigned) => edited with
    {
        PublicSince = !edited.Published ? null
            : Published ? PublicSince
            : anyoneSigned ? now : null,
    };

    public bool Shown => Mode != FieldMode.Hidden;
    public bool Required => Mode == FieldMode.Required;
    /// <summary>On the public list: asked on the form and published. Only such a field may be filtered or searched by the public.</summary>
    public bool Published => Shown && Public;
}

public enum FieldMode { Hidden, Optional, Required }
