using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Petition.Web.Languages;

/// <summary>
/// Counted phrases ("{0} signatures", "{0} days"). English and the languages that count like it need one form for
/// one and one for the rest, which the key chooses. Russian and Arabic need more: their translation of a counted
/// key lists its forms separated by <c>|</c>, in the order of Unicode CLDR's plural categories for the language
/// (Russian: one|few|many; Arabic: zero|one|two|few|many|other), and the count picks one.
/// </summary>
public static class Plurals
{
    public const char Separator = '|';

    /// <summary>The key's translation in the form the count calls for, its placeholders filled.</summary>
    public static string Plural(this IStringLocalizer localizer, string key, long count, params object[] arguments)
    {
        var forms = localizer[key].Value.Split(Separator);
        var form = forms[Math.Min(FormIndex(CultureInfo.CurrentUICulture, count), forms.Length - 1)];
        return string.Format(CultureInfo.CurrentCulture, form, arguments);
    }

    /// <summary>The position of the count's CLDR plural category among the language's categories.</summary>
    public static int FormIndex(CultureInfo culture, long count)
    {
        var n = Math.Abs(count);
        return culture.TwoLetterISOLanguageName switch
        {
            "ru" => n % 10 == 1 && n % 100 != 11 ? 0
                : n % 10 is >= 2 and <= 4 && n % 100 is < 12 or > 14 ? 1
                : 2,
            "ar" => n switch
            {
                0 => 0,
                1 => 1,
                2 => 2,
                _ when n % 100 is >= 3 and <= 10 => 3,
                _ when n % 100 is >= 11 and <= 99 => 4,
                _ => 5,
            },
            _ => 0,
        };
    }
}
