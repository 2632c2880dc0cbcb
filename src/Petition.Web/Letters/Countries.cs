using System.Collections.Concurrent;
using System.Globalization;
using Petition.Web.Languages;

namespace Petition.Web.Letters;

/// <summary>ISO 3166-1 alpha-2 codes, named in the reader's language.</summary>
public static class Countries
{
    public static readonly IReadOnlySet<string> Codes = new HashSet<string>(("AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ " +
        "BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX " +
        "CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU " +
        "GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK " +
        "LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP " +
        "NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO " +
        "SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS " +
        "YE YT ZA ZM ZW").Split(' '), StringComparer.Ordinal);

    /// <summary>Codes that ICU has no region for.</summary>
    static readonly Dictionary<string, string> Missing = new() { ["EH"] = "Western Sahara" };

    /// <summary>
    /// The English name, from the platform's ICU data: what the pages show in English, and what exports and the API
    /// carry in every language, since their readers are recipients and programs rather than this site's visitor.
    /// </summary>
    public static string EnglishName(string code)
    {
        if (Missing.TryGetValue(code, out var name)) return name;
        try { return new RegionInfo(code).EnglishName; }
        catch (ArgumentException) { return code; }
    }

    /// <summary>The name in the current interface language (the signer's, in an email), else in English.</summary>
    public static string Name(string code) =>
        CountryNames.In(SiteLanguages.Current.Code)?.GetValueOrDefault(code) ?? EnglishName(code);

    static readonly ConcurrentDictionary<string, IReadOnlyList<(string Code, string Name)>> Sorted = new(StringComparer.Ordinal);

    /// <summary>
    /// Every country, sorted by its name as the current interface language sorts (pinyin for Chinese); sorted once
    /// per language, since every sign form and list filter shows it.
    /// </summary>
    public static IReadOnlyList<(string Code, string Name)> All() => Sorted.GetOrAdd(SiteLanguages.Current.Code, _ =>
    {
        var comparer = StringComparer.Create(SiteLanguages.Current.Culture, ignoreCase: true);
        return Codes.Select(c => (Code: c, Name: Name(c))).OrderBy(c => c.Name, comparer).ToList();
    });
}
