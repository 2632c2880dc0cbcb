using System.Globalization;
using Microsoft.Extensions.Localization;
using Petition.Data.Letters;
using Petition.Data.Signatures;
using Petition.Web.Languages;

namespace Petition.Web.Letters;

/// <summary>
/// The letter's public fields in words, for what signers read before they sign (the listing choices, the privacy
/// notice, the confirm page): made from <see cref="PublicField"/>, so the words follow what the letter publishes.
/// </summary>
public static class PublicFieldWords
{
    /// <summary>"title, organisation, country": the fields' labels, lower case inside a sentence, in the page's language.</summary>
    public static string List(IStringLocalizer<SiteText> text, IEnumerable<PublicField> fields) =>
        string.Join(text["list-separator"].ResourceNotFound ? ", " : text["list-separator"].Value,
            fields.Select(f => text[f.Label].Value.ToLower(CultureInfo.CurrentCulture)));

    /// <summary>The letter's public fields a signer listed at this level shows.</summary>
    public static IReadOnlyList<PublicField> ShownAt(LetterFields fields, Visibility level) =>
        PublicField.Of(fields).Where(f => f.ShownAt.Contains(level)).ToList();

    /// <summary>The sign form's words for a listing choice, naming the fields this letter shows at that level.</summary>
    public static string Choice(IStringLocalizer<SiteText> text, LetterFields fields, Visibility level)
    {
        var shown = ShownAt(fields, level);
        return level switch
        {
            Visibility.Full => shown.Count > 0 ? text["Yes, list my name with my {0}", List(text, shown)] : text["Yes, list my name"],
            Visibility.NameAndCountry => shown.Contains(PublicField.Country) ? text["List my name and country only"] : text["List my name only"],
            Visibility.Initials => shown.Count > 0 ? text["List only my initials, with my {0}", List(text, shown)] : text["List only my initials"],
            _ => text["No, count my signature but do not show my name"],
        };
    }
}
