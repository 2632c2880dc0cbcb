using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Petition.Data.Letters;
using Petition.Web.Languages;

namespace Petition.Web.Letters;

/// <summary>
/// What a public letter's dates tell its readers: open until a day, or closed on one. A letter whose opening time
/// has not come is not public at all (<see cref="LetterQueries"/>), so it is never called closed here.
/// </summary>
public static partial class LetterDates
{
    /// <summary>The day a closed letter closed: its closing time once passed; null while open, or when closed by hand.</summary>
    public static DateTimeOffset? ClosedOn(Letter letter, DateTimeOffset now) =>
        letter.ClosesAt is { } closes && closes <= now ? closes : null;

    /// <summary>The day an open letter stops taking signatures, if it has one.</summary>
    public static DateTimeOffset? OpenUntil(Letter letter, DateTimeOffset now) =>
        letter.IsOpenAt(now) ? letter.ClosesAt : null;

    /// <summary>
    /// A day (in UTC, as organisers set it) written in full as the reader's language writes it, without the weekday:
    /// "10 December 2026", "10 décembre 2026", "2026年12月10日". The pages are cached per language, not per region, so
    /// the format is the language's; the site's English is British, and so are its dates.
    /// </summary>
    public static string Long(DateTimeOffset date)
    {
        var culture = SiteLanguages.Current.Code == SiteLanguages.Default
            ? CultureInfo.GetCultureInfo("en-GB")
            : CultureInfo.CurrentCulture;
        var pattern = Weekday().Replace(culture.DateTimeFormat.LongDatePattern, "").Trim();
        return date.UtcDateTime.ToString(pattern, culture);
    }

    /// <summary>The day as markup for a sentence built with <see cref="LocalizedHtml.Html"/>: a <c>&lt;time&gt;</c>, encoded.</summary>
    public static string Html(DateTimeOffset date) =>
        $"<time datetime=\"{date.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}\">{HtmlEncoder.Default.Encode(Long(date))}</time>";

    [GeneratedRegex(@"^dddd[,،]?\s*|[,،]?\s*dddd$")]
    private static partial Regex Weekday();
}
