namespace Petition.Data.Letters;

/// <summary>
/// The organisation that publishes a letter and answers for its list: named on the letter's page and PDF, the data
/// controller in its privacy notice, the sender's name and reply address of its emails. Empty fields fall back to the
/// site's own name.
/// </summary>
public class Organiser
{
    public string? Name { get; set; }

    /// <summary>The contact address: the privacy notice's, and where replies to the letter's emails go.</summary>
    public string? Email { get; set; }

    public string? Website { get; set; }

    /// <summary>The legal notice: registered name, address, registration number; plain text.</summary>
    public string? LegalNotice { get; set; }

    /// <summary>The organisers' own words at the top of the confirmation email; plain text.</summary>
    public string? ConfirmationMessage { get; set; }

    /// <summary>The organisers' own words to a signer who has confirmed, on the page they land on; plain text.</summary>
    public string? ThankYouMessage { get; set; }

    /// <summary>The logo's type ("image/png" or "image/jpeg") when one was uploaded (<see cref="LetterLogo"/>).</summary>
    public string? LogoType { get; set; }
}

/// <summary>An organiser's logo, kept apart from the letter so that reading a letter never loads the picture.</summary>
public class LetterLogo
{
    public int LetterId { get; set; }
    public byte[] Content { get; set; } = [];
    public DateTimeOffset UpdatedAt { get; set; }
}
