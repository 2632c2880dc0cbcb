using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Petition.Tests.Languages;

/// <summary>The translations cannot fall behind the English they translate without a test saying so.</summary>
public partial class ResourceTests
{
    static readonly string Web = Path.Combine(RepositoryRoot(), "src", "Petition.Web");

    static Dictionary<string, string> Resource(string language) =>
        XDocument.Load(Path.Combine(Web, "Languages", $"SiteText.{language}.resx")).Root!.Elements("data")
            .ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value);

    [Theory]
    [InlineData("fr")]
    [InlineData("es")]
    [InlineData("zh-Hans")]
    public void Every_string_the_public_pages_use_is_translated_with_the_same_placeholders(string language)
    {
        var translated = Resource(language);
        var missing = KeysUsedInSource().Where(k => !translated.ContainsKey(k)).ToList();
        Assert.True(missing.Count == 0, $"{language} lacks:\n" + string.Join("\n", missing));
        foreach (var (key, value) in translated)
            Assert.True(Placeholders(key).SequenceEqual(Placeholders(value)), $"{language}: placeholders differ in \"{key}\" → \"{value}\"");
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("es")]
    [InlineData("zh-Hans")]
    [InlineData("ar")]
    public void No_two_keys_differ_only_in_case(string language)
    {
        // Resource names are case-insensitive: "Signatures" and "signatures" would be one string, the other dropped.
        var clashes = Resource(language).Keys.GroupBy(k => k, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(clashes.Count == 0, string.Join(", ", clashes));
    }

    [Fact]
    public void The_partial_Arabic_translation_keeps_the_placeholders_too()
    {
        foreach (var (key, value) in Resource("ar"))
            Assert.Equal(Placeholders(key), Placeholders(value));
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("es")]
    [InlineData("zh-Hans")]
    [InlineData("ar")]
    public void The_country_names_file_names_every_code_in_order(string language)
    {
        // Written by scripts/country-names.mjs; a code added to Countries.Codes needs the script run again.
        var lines = File.ReadAllLines(Path.Combine(Web, "Letters", "CountryNames", $"{language}.tsv")).Where(l => !l.StartsWith('#')).ToList();
        Assert.Equal(Petition.Web.Letters.Countries.Codes.Order(StringComparer.Ordinal), lines.Select(l => l.Split('\t')[0]));
        Assert.All(lines, l => Assert.Matches(@"^[A-Z]{2}\t\S.*$", l));
    }

    /// <summary>Literal keys passed to the localizer in the public pages, the validators and the signer's emails.</summary>
    static IEnumerable<string> KeysUsedInSource() =>
        Directory.EnumerateFiles(Web, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cshtml") || f.EndsWith(".cs"))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}Admin{Path.DirectorySeparatorChar}")
                && !f.Contains($"{Path.DirectorySeparatorChar}Account{Path.DirectorySeparatorChar}")
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .SelectMany(f => LocalizerCall().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value.Replace("\\\"", "\"")))
            .Distinct();

    static List<string> Placeholders(string text) => Placeholder().Matches(text).Select(m => m.Value).Order().ToList();

    static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Petition.sln")))
                return dir.FullName;
        throw new InvalidOperationException("Petition.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"(?:\bT|\btext|\bt)(?:\[|\.Html\(|\()\s*""((?:[^""\\]|\\.)*)""")]
    private static partial Regex LocalizerCall();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
