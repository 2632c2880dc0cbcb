namespace Petition.Data.Letters;

/// <summary>Which of the optional signature fields the letter's form shows, requires and publishes.</summary>
public record LetterFields
{
    public FieldRule Title { get; init; } = new(FieldMode.Optional, Public: true);
    public FieldRule Organization { get; init; } = new(FieldMode.Optional, Public: true);
    public FieldRule Country { get; init; } = new(FieldMode.Optional, Public: true);
    public FieldRule Category { get; init; } = new(FieldMode.Optional, Public: false);
    public FieldRule City { get; init; } = new(FieldMode.Optional, Public: false);
    public FieldRule Comment { get; init; } = new(FieldMode.Optional, Public: false);
}

public record FieldRule(FieldMode Mode, bool Public)
{
    public bool Shown => Mode != FieldMode.Hidden;
    public bool Required => Mode == FieldMode.Required;
    /// <summary>On the public list: asked on the form and published. Only such a field may be filtered or searched by the public.</summary>
    public bool Published => Shown && Public;
}

public enum FieldMode { Hidden, Optional, Required }
