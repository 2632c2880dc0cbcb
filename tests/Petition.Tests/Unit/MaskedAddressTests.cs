using Petition.Web.Signing;

namespace Petition.Tests.Unit;

public class MaskedAddressTests
{
    [Theory]
    [InlineData("jane.doe@example.org", "j•••@e•••.org")]
    [InlineData("  Jane@Example.ORG ", "J•••@E•••.ORG")]
    [InlineData("a@mail.example.co.uk", "a•••@m•••.uk")]
    [InlineData("ana@bücher.example", "a•••@b•••.example")]
    [InlineData("𝒥ane@example.org", "𝒥•••@e•••.org")]
    [InlineData("jane@localhost", "j•••@l•••")]
    public void Only_the_first_letters_and_the_ending_show(string email, string masked) =>
        Assert.Equal(masked, MaskedAddress.Of(email));
}
