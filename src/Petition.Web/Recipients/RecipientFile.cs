using Petition.Web.Imports;

namespace Petition.Web.Recipients;

public enum RecipientLineStatus
{
    Ready,
    Invalid,

    /// <summary>One of its addresses already belongs to a recipient (or directory entry): skipped, not added twice.</summary>
    AlreadyThere,
}

/// <summary>What the preview says about one line of a recipients file, and what a commit would do with it.</summary>
public record RecipientLine(int Line, AddresseeInput Input, RecipientLineStatus Status, IReadOnlyList<string> Errors, AddresseeDetails? Details);

/// <summary>A recipients file checked whole; any problem or invalid line means nothing is imported.</summary>
public record RecipientReport(string? Problem, IReadOnlyList<RecipientLine> Lines)
{
    public int Count(RecipientLineStatus status) => Lines.Count(l => l.Status == status);

    public bool CanCommit => Problem is null && Lines.Count > 0 && Count(RecipientLineStatus.Invalid) == 0;

    public IEnumerable<AddresseeDetails> Ready => Lines.Where(l => l.Status == RecipientLineStatus.Ready).Select(l => l.Details!);
}

/// <summary>
/// Reads a recipients file (CSV: name, email, country, organisation, language; the column names in any order and
/// case) and checks every line with the console's rules: broken quoting, an unknown country or language, a bad or
/// repeated address are each reported on their line. Nothing is written here: the preview and the commit both ask.
/// </summary>
public static class RecipientFile
{
    public const int MaxLines = 5_000;
    public const int MaxBytes = 1024 * 1024;

    /// <summary>Column headings as people write them, by the field they hold.</summary>
    static readonly Dictionary<string, string[]> Headings = new()
    {
        [nameof(AddresseeInput.Name)] = ["name", "recipient", "mission"],
        [nameof(AddresseeInput.Emails)] = ["email", "emails", "email address", "email addresses", "e-mail", "address", "addresses"],
        [nameof(AddresseeInput.Country)] = ["country", "state", "country code"],
        [nameof(AddresseeInput.Organisation)] = ["organisation", "organization"],
        [nameof(AddresseeInput.Language)] = ["language", "preferred language", "lang"],
    };

    public static string ColumnsHelp => "name, email, country, organisation, language";

    /// <param name="existing">The canonical addresses already held by the letter's recipients (or the directory).</param>
    public static RecipientReport Check(string text, IReadOnlySet<string> existing)
    {
        if (text.Length > MaxBytes)
            return new($"The file is larger than {MaxBytes / 1024 / 1024} MB; split it into smaller files.", []);
        var table = CsvTable.Read(text, MaxLines, "recipients");
        if (table.Problem is not null)
            return new(table.Problem, []);
        var index = Headings.ToDictionary(h => h.Key, h => (int?)table.Header.ToList().FindIndex(c => h.Value.Contains(c.ToLowerInvariant())) is var i && i >= 0 ? i : null);
        if (index[nameof(AddresseeInput.Name)] is null || index[nameof(AddresseeInput.Emails)] is null)
            return new($"The first line must name the columns, with at least \"name\" and \"email\" among them: {ColumnsHelp}.", []);
        if (table.Rows.Count == 0)
            return new("The file names its columns but has no recipients under them.", []);

        var firstLineOf = new Dictionary<string, int>();
        var lines = new List<RecipientLine>(table.Rows.Count);
        foreach (var row in table.Rows)
        {
            string? Field(string name) => CsvTable.Field(row, index[name]);
            var input = new AddresseeInput
            {
                Name = Field(nameof(AddresseeInput.Name)), Emails = Field(nameof(AddresseeInput.Emails)), Country = Field(nameof(AddresseeInput.Country)),
                Organisation = Field(nameof(AddresseeInput.Organisation)), Language = Field(nameof(AddresseeInput.Language)),
            };
            if (row.Problem is not null)
            {
                // Its values may sit in the wrong columns: checking them would only add noise.
                lines.Add(new RecipientLine(row.Line, input, RecipientLineStatus.Invalid, [row.Problem], null));
                continue;
            }
            var (details, problems) = AddresseeRules.Check(input);
            var errors = problems.Select(p => $"{p.Field.ToLowerInvariant()}: {p.Error}").ToList();
            var canonical = AddresseeRules.Canonical(AddresseeRules.Split(input.Emails)).Distinct().ToList();
            foreach (var address in canonical)
                if (firstLineOf.TryGetValue(address, out var first))
                    errors.Add($"email: {address} is also on line {first}; give each address to one recipient.");
            foreach (var address in canonical)
                firstLineOf.TryAdd(address, row.Line);
            var status = errors.Count > 0 ? RecipientLineStatus.Invalid
                : canonical.Any(existing.Contains) ? RecipientLineStatus.AlreadyThere
                : RecipientLineStatus.Ready;
            lines.Add(new RecipientLine(row.Line, input, status, errors, details));
        }
        return new(null, lines);
    }
}
