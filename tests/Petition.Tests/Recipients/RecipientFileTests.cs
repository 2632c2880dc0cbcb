using Petition.Web.Recipients;

namespace Petition.Tests.Recipients;

/// <summary>A recipients file read and checked line by line, as the import's preview shows it.</summary>
public class RecipientFileTests
{
    static RecipientReport Check(string csv, params string[] existing) => RecipientFile.Check(csv, existing.ToHashSet());

    static RecipientLine Line(RecipientReport report, int line) => report.Lines.Single(l => l.Line == line);

    [Fact]
    public void Every_bad_line_gets_its_own_error_and_the_file_cannot_be_committed()
    {
        var report = Check("""
            name,email,country,organisation,language
            Permanent Mission of Ghana,gh@missions.example,Ghana,,en
            "Permanent Mission of "Chile",cl@missions.example,CL,,es
            Permanent Mission of France,fr@missions.example,FR,,klingon
            Permanent Mission of Peru,gh@missions.example,PE,,es
            Permanent Mission of Nowhere,nw@missions.example,Atlantis,,en
            Permanent Mission of Mali,not an address,ML,,fr
            Office of the High Commissioner,ohchr@un.example,,OHCHR,French
            """);
        Assert.Null(report.Problem);
        Assert.False(report.CanCommit);
        Assert.Equal(RecipientLineStatus.Ready, Line(report, 2).Status);
        Assert.Equal("GH", Line(report, 2).Details!.Country);
        Assert.True(Line(report, 3).Errors.Count == 1, string.Join(" / ", Line(report, 3).Errors));
        Assert.Contains("double quote", Line(report, 3).Errors[0]);
        Assert.Contains("klingon", Assert.Single(Line(report, 4).Errors));
        Assert.Contains("also on line 2", Assert.Single(Line(report, 5).Errors));
        Assert.True(Line(report, 6).Errors.Count == 1, string.Join(" / ", Line(report, 6).Errors));
        Assert.Contains("Atlantis", Line(report, 6).Errors[0]);
        Assert.All(Line(report, 7).Errors, e => Assert.Contains("is not an email address", e)); // "not", "an", "address"
        var ohchr = Line(report, 8);
        Assert.Equal(RecipientLineStatus.Ready, ohchr.Status);
        Assert.Equal(("fr", null, "OHCHR"), (ohchr.Details!.Language, ohchr.Details.Country, ohchr.Details.Organisation));
    }

    [Fact]
    public void A_line_whose_address_is_already_there_is_skipped_and_several_addresses_are_read_from_one_field()
    {
        var report = Check("""
            Name;Email addresses;Country;Language
            Permanent Mission of Ghana;GH@Missions.example;GH;en
            Permanent Mission of Kenya;ke@missions.example, ke.geneva@missions.example;KE;zh-hans
            """, "gh@missions.example");
        Assert.True(report.CanCommit);
        Assert.Equal(RecipientLineStatus.AlreadyThere, Line(report, 2).Status);
        var kenya = Line(report, 3).Details!;
        Assert.Equal(["ke@missions.example", "ke.geneva@missions.example"], kenya.Emails);
        Assert.Equal("zh-Hans", kenya.Language);
    }

    [Fact]
    public void A_file_without_a_name_or_email_column_says_which_columns_it_needs()
    {
        Assert.Contains("\"name\" and \"email\"", Check("mission,country\nGhana,GH\n").Problem);
        Assert.Contains("no recipients", Check("name,email\n").Problem);
        Assert.Contains("larger than", Check(new string('x', RecipientFile.MaxBytes + 1)).Problem);
    }
}
