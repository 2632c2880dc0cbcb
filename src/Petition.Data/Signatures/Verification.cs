namespace Petition.Data.Signatures;

/// <summary>
/// How far a signature is shown to be its signer's: what the public list, the API, the exports and the PDF say of
/// each line, and what a reader may filter by. Computed from the facts by <see cref="Verifications.Of"/>, never set
/// by hand, and stored so the list filters on it.
/// </summary>
public enum Verification
{
    /// <summary>The signer confirmed from the address they gave: the floor every published signature stands on.</summary>
    Email,

    /// <summary>Confirmed from an address at a domain the organisers listed for the signer's organisation, and the signer agreed to show it.</summary>
    Institutional,

    /// <summary>A moderator verified the person by other means and noted how (<see cref="Signature.CheckedNote"/>).</summary>
    Checked,

    /// <summary>Imported by the organisers as confirmed (for example signatures gathered on paper): they vouch for it, no email did.</summary>
    Imported,

    /// <summary>Signed through a personal invitation the organisers sent to the signer's address (a founding round).</summary>
    Invited,
}

public static class Verifications
{
    /// <summary>The words of the API, the exports and the list's filter.</summary>
    public static readonly IReadOnlyList<(Verification Level, string Word)> Words =
        [(Verification.Email, "email"), (Verification.Institutional, "institutional"), (Verification.Checked, "checked"), (Verification.Imported, "imported"),
         (Verification.Invited, "invited")];

    public static string Word(this Verification level) => Words.Single(w => w.Level == level).Word;

    public static Verification? Parse(string? word) =>
        Words.Where(w => string.Equals(w.Word, word?.Trim(), StringComparison.OrdinalIgnoreCase)).Select(w => (Verification?)w.Level).FirstOrDefault();

    /// <summary>
    /// The one rule. A moderator's check outranks the rest; an institutional address shows only with the signer's
    /// consent (otherwise the domain would be told without it), so without consent it is an email like any other.
    /// </summary>
    public static Verification Of(Signature s) => s switch
    {
        { CheckedNote: not null } => Verification.Checked,
        { VerifiedDomain: not null, ShowVerifiedBadge: true } => Verification.Institutional,
        { Invited: true } => Verification.Invited,
        { Source: SignatureSource.Import } => Verification.Imported,
        _ => Verification.Email,
    };
}
