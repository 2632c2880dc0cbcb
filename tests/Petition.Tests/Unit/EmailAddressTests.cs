using Petition.Web.Signing;
using Petition.Web.Text;

namespace Petition.Tests.Unit;

public class EmailAddressTests
{
    [Theory]
    [InlineData("Jane.Doe@Example.ORG", "jane.doe@example.org")]
    [InlineData("jane+petition@example.org", "jane@example.org")]
    [InlineData("j.a.n.e@gmail.com", "jane@gmail.com")]
    [InlineData("J.Ane+x@GoogleMail.com", "jane@gmail.com")]
    [InlineData("  jane@example.org ", "jane@example.org")]
    [InlineData("ana@bücher.example", "ana@xn--bcher-kva.example")]
    public void Addresses_that_reach_one_inbox_share_one_canonical_form(string email, string canonical) =>
        Assert.Equal(canonical, EmailAddress.Canonicalize(email));

    [Fact]
    public void Dots_matter_outside_gmail() =>
        Assert.NotEqual(EmailAddress.Canonicalize("j.ane@example.org"), EmailAddress.Canonicalize("jane@example.org"));

    [Theory]
    [InlineData("a@example.org", true)]
    [InlineData("first.last+tag@sub.example.co.uk", true)]
    [InlineData("ana@bücher.example", true)]
    [InlineData("a@b", false)]
    [InlineData("a@-.example", false)]
    [InlineData("", false)]
    public void Validity(string email, bool valid) => Assert.Equal(valid, EmailAddress.IsValid(email));
}
