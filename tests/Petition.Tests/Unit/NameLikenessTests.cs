using Petition.Web.Abuse;

namespace Petition.Tests.Unit;

/// <summary>The impersonation guard's matcher against look-alikes made the ways an impersonator would make them.</summary>
public class NameLikenessTests
{
    [Theory]
    [InlineData("Emmanuel Macron", "Emmanuel Macron")]
    [InlineData("EMMANUEL MACRON", "Emmanuel Macron")]
    [InlineData("Émmanuel Macrón", "Emmanuel Macron")] // accents
    [InlineData("Еmmаnuеl Mасrоn", "Emmanuel Macron")] // Cyrillic е, а, с, о among Latin letters
    [InlineData("Εmmanuel Μacrοn", "Emmanuel Macron")] // Greek Ε, Μ, ο
    [InlineData("Эммануэль Макрон", "Emmanuel Macron")] // written in Cyrillic
    [InlineData("Macron Emmanuel", "Emmanuel Macron")] // word order
    [InlineData("Macron, Emmanuel", "Emmanuel Macron")]
    [InlineData("E. Macron", "Emmanuel Macron")] // initials
    [InlineData("E Macron", "Emmanuel Macron")]
    [InlineData("  Emmanuel    Macron  ", "Emmanuel Macron")] // spaces
    [InlineData("Emmanuel Jean-Michel Macron", "Emmanuel Macron")] // middle names
    [InlineData("Volodymyr Zelenskyy", "Volodymyr Zelensky")] // one letter off in a long word
    [InlineData("Владимир Зеленский", "Vladimir Zelensky")] // written in Cyrillic (й is "y")
    [InlineData("Αλέξης Τσίπρας", "Alexis Tsipras")] // written in Greek
    [InlineData("Malala Yousafzai", "Malala Yousafzai")]
    [InlineData("M. Yousafzai", "Malala Yousafzai")]
    public void Look_alikes_match(string signed, string watched) => Assert.True(NameLikeness.Alike(signed, watched));

    [Theory]
    [InlineData("Emmanuel Martin", "Emmanuel Macron")]
    [InlineData("Marie Curie", "Emmanuel Macron")]
    [InlineData("E. M.", "Emmanuel Macron")] // initials alone name nobody
    [InlineData("Jane Smith", "John Smith")]
    [InlineData("Amina Diallo", "Malala Yousafzai")]
    [InlineData("Emmanuel", "Emmanuel Macron Jean Pierre Paul")] // too little of the name
    [InlineData("", "Emmanuel Macron")]
    public void Others_do_not(string signed, string watched) => Assert.False(NameLikeness.Alike(signed, watched));
}
