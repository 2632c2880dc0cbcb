using Petition.Data.Letters;
using Petition.Web.Letters;
using Petition.Web.Signing;

namespace Petition.Tests.Unit;

public class SignatureInputValidatorTests
{
    static readonly Letter Sample = SampleLetter.Create(DateTimeOffset.UnixEpoch);

    static SignatureInput Valid() => new()
    {
        Name = "Li Wei", Email = "li.wei@example.org", Title = "Surgeon", Organization = "Hôpital Saint-Louis",
        Country = "FR", Category = "Physician", City = "Paris", Comment = "Line one\nline two", ListPublicly = true,
    };

    static IEnumerable<string> ErrorsFor(SignatureInput input, Letter? letter = null) =>
        new SignatureInputValidator(letter ?? Sample).Validate(input).Errors.Select(e => e.PropertyName);

    [Fact]
    public void A_complete_signature_passes() => Assert.Empty(ErrorsFor(Valid()));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("12345")]
    [InlineData("Visit https://spam.example")]
    [InlineData("www.cheap-pills.example")]
    [InlineData("buy at pills.com now")]
    [InlineData("someone@example.org")]
    [InlineData("Evil\u202Egnirts")]
    [InlineData("Bell\u0007")]
    public void Names_that_are_not_names_are_refused(string name) =>
        Assert.Contains("Name", ErrorsFor(new SignatureInput { Name = name, Email = "a@example.org" }));

    [Fact]
    public void A_name_with_an_unpaired_surrogate_is_refused() =>
        Assert.Contains("Name", ErrorsFor(new SignatureInput { Name = "Lone " + (char)0xD800 + " surrogate", Email = "a@example.org" }));

    [Theory]
    [InlineData("José Ramos-Horta")]
    [InlineData("李伟")]
    [InlineData("محمد عبد الله")]
    [InlineData("Dr. J. R. R. O'Neil")]
    [InlineData("Олена Коваленко")]
    public void Names_in_any_script_are_accepted(string name) =>
        Assert.DoesNotContain("Name", ErrorsFor(new SignatureInput { Name = name, Email = "a@example.org" }));

    [Fact]
    public void Overlong_fields_are_refused()
    {
        var input = Valid();
        input.Name = new string('a', 121);
        input.Comment = new string('b', 1001);
        input.Organization = new string('c', 201);
        var errors = ErrorsFor(input).ToList();
        Assert.Contains("Name", errors);
        Assert.Contains("Comment", errors);
        Assert.Contains("Organization", errors);
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("two@@example.org")]
    [InlineData("no-domain@")]
    [InlineData("@example.org")]
    [InlineData("space in@example.org")]
    [InlineData("dot@example")]
    [InlineData("Name <a@example.org>")]
    [InlineData("a@example.org\r\nBcc: b@example.org")]
    public void Malformed_email_addresses_are_refused(string email)
    {
        var input = Valid();
        input.Email = email;
        Assert.Contains("Email", ErrorsFor(input));
    }

    [Fact]
    public void Countries_must_be_iso_codes_and_categories_the_letters_own()
    {
        var input = Valid();
        input.Country = "XX";
        input.Category = "Astronaut";
        var errors = ErrorsFor(input).ToList();
        Assert.Contains("Country", errors);
        Assert.Contains("Category", errors);
    }

    [Fact]
    public void A_letter_can_require_an_optional_field()
    {
        var letter = SampleLetter.Create(DateTimeOffset.UnixEpoch);
        letter.Fields = letter.Fields with { Organization = new FieldRule(FieldMode.Required, true) };
        var input = Valid();
        input.Organization = null;
        Assert.Contains("Organization", ErrorsFor(input, letter));
        Assert.DoesNotContain("Organization", ErrorsFor(input));
    }

    [Fact]
    public void A_hidden_field_is_not_checked()
    {
        var letter = SampleLetter.Create(DateTimeOffset.UnixEpoch);
        letter.Fields = letter.Fields with { City = new FieldRule(FieldMode.Hidden, false) };
        var input = Valid();
        input.City = new string('x', 500);
        Assert.DoesNotContain("City", ErrorsFor(input, letter));
    }
}
