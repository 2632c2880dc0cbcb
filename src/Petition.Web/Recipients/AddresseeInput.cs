using Petition.Data.Recipients;
using Petition.Web.Languages;
using Petition.Web.Letters;
using Petition.Web.Signing;
using Petition.Web.Text;

namespace Petition.Web.Recipients;

/// <summary>An addressee as typed in the console or read from a line of a file, before it is checked.</summary>
public class AddresseeInput
{
    public string? Name { get; set; }

    /// <summary>One or more addresses, separated by semicolons, commas, spaces or line breaks.</summary>
    public string? Emails { get; set; }
    public string? Country { get; set; }
    public string? Organisation { get; set; }
    public string? Language { get; set; }

    public static AddresseeInput Of(Addressee a) => new()
    {
        Name = a.Name, Emails = string.Join("; ", a.Emails), Country = a.Country, Organisation = a.Organisation, Language = a.Language,
    };
}

/// <summary>An addressee as it will be stored: trimmed, its country a code, its language a culture name.</summary>
public record AddresseeDetails(string Name, IReadOnlyList<string> Emails, string? Country, string? Organisation, string Language)
{
    public void CopyTo(Addressee a) =>
        (a.Name, a.Emails, a.Country, a.Organisation, a.Language) = (Name, [.. Emails], Country, Organisation, Language);

    public static AddresseeDetails Of(Addressee a) => new(a.Name, a.Emails, a.Country, a.Organisation, a.Language);
}

/// <summary>One check for an addressee, whether typed into the console or imported: each problem named with its field.</summary>
public static class AddresseeRules
{
    public const int MaxEmails = 10;

    public static (AddresseeDetails? Details, IReadOnlyList<(string Field, string Error)> Errors) Check(AddresseeInput input)
    {
        var errors = new List<(string, string)>();
        var name = input.Name?.Trim();
        if (string.IsNullOrEmpty(name))
            errors.Add((nameof(input.Name), "Give the recipient's name."));
        else if (name.Length > AddresseeColumns.Name || !TextRules.IsClean(name))
            errors.Add((nameof(input.Name), $"The name must be plain text of at most {AddresseeColumns.Name} characters."));

        var emails = Split(input.Emails);
        if (emails.Count == 0)
            errors.Add((nameof(input.Emails), "Give at least one email address."));
        else if (emails.Count > MaxEmails)
            errors.Add((nameof(input.Emails), $"Give at most {MaxEmails} email addresses."));
        foreach (var email in emails.Where(e => !EmailAddress.IsValid(e)))
            errors.Add((nameof(input.Emails), $"\"{email}\" is not an email address."));
        var repeated = emails.Where(EmailAddress.IsValid).GroupBy(EmailAddress.Canonicalize).Where(g => g.Count() > 1).Select(g => g.First());
        foreach (var email in repeated)
            errors.Add((nameof(input.Emails), $"\"{email}\" is given twice."));

        string? country = null;
        if (!string.IsNullOrWhiteSpace(input.Country) && (country = CountryLookup.Code(input.Country)) is null)
            errors.Add((nameof(input.Country), $"\"{input.Country.Trim()}\" is not a country we know; write its name or its two-letter code (GH)."));

        var organisation = string.IsNullOrWhiteSpace(input.Organisation) ? null : input.Organisation.Trim();
        if (organisation is not null && (organisation.Length > AddresseeColumns.Organisation || !TextRules.IsClean(organisation)))
            errors.Add((nameof(input.Organisation), $"The organisation must be plain text of at most {AddresseeColumns.Organisation} characters."));

        var language = string.IsNullOrWhiteSpace(input.Language) ? SiteLanguages.Default : LanguageCodes.Find(input.Language);
        if (language is null)
            errors.Add((nameof(input.Language), $"The language \"{input.Language!.Trim()}\" is not one we know; write a code like en, fr or zh-Hans."));

        return errors.Count > 0 ? (null, errors) : (new AddresseeDetails(name!, emails, country, organisation, language!), errors);
    }

    /// <summary>Checks a form's input; its errors go to the page's ModelState under <paramref name="prefix"/>.</summary>
    public static AddresseeDetails? Check(AddresseeInput input, Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary state, string prefix)
    {
        var (details, errors) = Check(input);
        foreach (var (field, error) in errors)
            state.AddModelError($"{prefix}.{field}", error);
        return details;
    }

    /// <summary>The addresses in a field, in order, as given.</summary>
    public static List<string> Split(string? emails) =>
        (emails ?? "").Split([';', ',', ' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    /// <summary>The canonical addresses an addressee is reached at, to find the same mailbox twice.</summary>
    public static IEnumerable<string> Canonical(IEnumerable<string> emails) =>
        emails.Where(EmailAddress.IsValid).Select(EmailAddress.Canonicalize);
}
