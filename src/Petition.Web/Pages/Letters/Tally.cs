using System.Globalization;
using Microsoft.Extensions.Localization;
using Petition.Web.Languages;

namespace Petition.Web.Pages.Letters;

/// <summary>The count and the progress toward the goal, as the letter page and the embed show them.</summary>
public record Tally(int? Goal, int Published)
{
    /// <summary>Where the letter page's script asks for a newer count (<see cref="LiveTally"/>); null where it does not.</summary>
    public LiveTally? Live { get; init; }

    /// <summary>On a letter that takes organisations: how many organisations and how many individuals the count holds.</summary>
    public (int Organisations, int Individuals)? Split { get; init; }

    /// <summary>"38 organisations and 1,240 individuals", in the reader's language.</summary>
    public static string SplitWords(IStringLocalizer text, int organisations, int individuals) =>
        text["{0} and {1}", Counted(text, "1 organisation", "{0} organisations", organisations),
            Counted(text, "1 individual", "{0} individuals", individuals)].Value;

    static string Counted(IStringLocalizer text, string one, string many, int count) =>
        count == 1 ? text[one].Value : text.Plural(many, count, count.ToString("N0", CultureInfo.CurrentCulture));

    public int? Percent => Goal is > 0 ? Math.Min(100, Published * 100 / Goal.Value) : null;

    /// <summary>The word after the count: "signature" for one, else the plural form the count calls for.</summary>
    public static string Word(IStringLocalizer text, long count) =>
        count == 1 ? text["signature"].Value : text.Plural("signatures", count);

    /// <summary>
    /// What wwwroot/js/live-count.js needs to word a new count as this page would: the distinct forms of
    /// <see cref="Word"/>, and for each count from 0 to 199 the index of its form (one digit each). Every plural rule
    /// the site follows (<see cref="Plurals"/>) depends on the last two digits past 199, so 100 + n % 100 stands for n.
    /// </summary>
    public static (string Forms, string FormOf) WordForms(IStringLocalizer text)
    {
        var forms = new List<string>();
        var formOf = new char[200];
        for (var n = 0; n < formOf.Length; n++)
        {
            var word = Word(text, n);
            var index = forms.IndexOf(word);
            if (index < 0) { forms.Add(word); index = forms.Count - 1; }
            formOf[n] = (char)('0' + index);
        }
        return (string.Join('|', forms), new string(formOf));
    }

    /// <summary>The group separator of the page's numbers, which the script writes new counts with.</summary>
    public static string GroupSeparator => CultureInfo.CurrentCulture.NumberFormat.NumberGroupSeparator;
}

/// <summary>What wwwroot/js/live-count.js reads from the tally: where to ask, how often, and how to word the answer.</summary>
public record LiveTally(string Url, int PollSeconds, string Forms, string FormOf, string Group);
