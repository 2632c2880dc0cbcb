using System.Text.RegularExpressions;
using System.Xml.Linq;
using Petition.Web.Languages;

namespace Petition.Tests.Languages;

/// <summary>The translations cannot fall behind the English they translate without a test saying so.</summary>
public partial class ResourceTests
{
    internal static readonly string Web = Path.Combine(RepositoryRoot(), "src", "Petition.Web");

    static Dictionary<string, string> Resource(string language) =>
        XDocument.Load(Path.Combine(Web, "Languages", $"SiteText.{language}.resx")).Root!.Elements("data")
            .ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value);

    /// <summary>Every language the site offers but English, which is the keys themselves.</summary>
    public static readonly string[] Languages = SiteLanguages.All.Select(l => l.Code).Where(c => c != SiteLanguages.Default).ToArray();

    public static TheoryData<string> Translated()
    {
        var data = new TheoryData<string>();
        foreach (var language in Languages)
            data.Add(language);
        return data;
    }

    [Theory]
    [MemberData(nameof(Translated))]
    public void Every_string_the_public_pages_use_is_translated_with_the_same_placeholders(string language)
    {
        var translated = Resource(language);
        var missing = KeysUsedInSource().Where(k => !translated.ContainsKey(k)).ToList();
        Assert.True(missing.Count == 0, $"{language} lacks:\n" + string.Join("\n", missing));
        foreach (var (key, value) in translated)
            Assert.True(SamePlaceholders(key, value), $"{language}: placeholders differ in \"{key}\" → \"{value}\"");
    }

    [Theory]
    [MemberData(nameof(Translated))]
    public void Every_language_has_every_key_that_any_language_has(string language)
    {
        // No language is partial: a string added to one file and forgotten in another would show in English there.
        var union = Languages.SelectMany(l => Resource(l).Keys).ToHashSet(StringComparer.Ordinal);
        var keys = Resource(language).Keys.ToHashSet(StringComparer.Ordinal);
        var missing = union.Except(keys).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, $"{language} lacks {missing.Count} key(s) that other languages have:\n" + string.Join("\n", missing));
    }

    [Theory]
    [MemberData(nameof(Translated))]
    public void Every_key_is_used_by_the_site(string language)
    {
        // A key whose English is no longer in any source file is a sentence nobody sees: remove it from every file.
        var sources = string.Concat(SourceFiles().Select(File.ReadAllText)).Replace("\\\"", "\"");
        var unused = Resource(language).Keys.Where(k => !sources.Contains($"\"{k}\"", StringComparison.Ordinal)).ToList();
        Assert.True(unused.Count == 0, $"{language} has keys no page, email or validator uses:\n" + string.Join("\n", unused));
    }

    [Theory]
    [MemberData(nameof(Translated))]
    public void No_two_keys_differ_only_in_case(string language)
    {
        // Resource names are case-insensitive: "Signatures" and "signatures" would be one string, the other dropped.
        var clashes = Resource(language).Keys.GroupBy(k => k, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(clashes.Count == 0, string.Join(", ", clashes));
    }

    [Fact]
    public void Counted_phrases_list_as_many_forms_as_the_language_counts_with()
    {
        // Russian counts with one|few|many, Arabic with zero|one|two|few|many|other (Plurals); the others never split.
        var forms = new Dictionary<string, int[]> { ["ru"] = [1, 3], ["ar"] = [1, 6] };
        foreach (var language in Languages)
            foreach (var (key, value) in Resource(language))
                Assert.True(forms.GetValueOrDefault(language, [1]).Contains(value.Split(Plurals.Separator).Length),
                    $"{language}: \"{key}\" has {value.Split(Plurals.Separator).Length} forms");
    }

    [Theory]
    [MemberData(nameof(Translated))]
    public void The_country_names_file_names_every_code_in_order(string language)
    {
        // Written by scripts/country-names.mjs; a code added to Countries.Codes needs the script run again.
        var lines = File.ReadAllLines(Path.Combine(Web, "Letters", "CountryNames", $"{language}.tsv")).Where(l => !l.StartsWith('#')).ToList();
        Assert.Equal(Petition.Web.Letters.Countries.Codes.Order(StringComparer.Ordinal), lines.Select(l => l.Split('\t')[0]));
        Assert.All(lines, l => Assert.Matches(@"^[A-Z]{2}\t\S.*$", l));
    }

    /// <summary>Literal keys passed to the localizer in the public pages, the validators and the signer's emails.</summary>
    static IEnumerable<string> KeysUsedInSource() =>
        SourceFiles().SelectMany(f => LocalizerCall().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value.Replace("\\\"", "\"")))
            .Distinct();

    static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(Web, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cshtml") || f.EndsWith(".cs"))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}Admin{Path.DirectorySeparatorChar}")
                && !f.Contains($"{Path.DirectorySeparatorChar}Account{Path.DirectorySeparatorChar}")
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"));

    static List<string> Placeholders(string text) => Placeholder().Matches(text).Select(m => m.Value).Order().ToList();

    /// <summary>
    /// The translation keeps every placeholder of its key. A counted phrase's forms may each drop the number
    /// (Arabic writes "يومين" for two days, without a 2), as long as together they keep every placeholder.
    /// </summary>
    static bool SamePlaceholders(string key, string value)
    {
        var forms = value.Split(Plurals.Separator);
        if (forms.Length == 1)
            return Placeholders(key).SequenceEqual(Placeholders(value));
        var expected = Placeholders(key).Distinct().ToList();
        return forms.All(f => Placeholders(f).All(expected.Contains))
            && forms.SelectMany(Placeholders).Distinct().Order().SequenceEqual(expected);
    }

    static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Petition.sln")))
                return dir.FullName;
        throw new InvalidOperationException("Petition.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"(?:\bT|\btext|\bt)(?:\[|\.Html\(|\.Plural\(|\()\s*""((?:[^""\\]|\\.)*)""")]
    private static partial Regex LocalizerCall();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
