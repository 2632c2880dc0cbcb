using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Petition.Web.Pages;

/// <summary>The page a person sees for an error status; API clients get problem+json instead.</summary>
[Microsoft.AspNetCore.Mvc.IgnoreAntiforgeryToken]
public class StatusModel(Microsoft.Extensions.Localization.IStringLocalizer<Languages.SiteText> text) : PageModel
{
    public string Heading { get; private set; } = "";
    public string Explanation { get; private set; } = "";

    public void OnGet(int code) => Describe(code);
    public void OnPost(int code) => Describe(code);

    void Describe(int code)
    {
        var (heading, explanation) = code switch
        {
            404 => ("Page not found", "There is nothing at this address. The letter may have moved or the link may be incomplete."),
            400 => ("Something was wrong with the request", "Your form may have expired. Go back, reload the page and try again."),
            403 => ("Not allowed", "You may not do this here. Signing a letter? Open it on this site and sign there. Staff? Ask an organiser for access."),
            409 => ("This changed meanwhile", "Someone changed this at the same moment, and nothing of yours was saved. Go back, reload the page to see it as it is now, and try again."),
            413 => ("What you sent is too large", "This form takes a few kilobytes at most. Go back, shorten what you wrote and send it again."),
            429 => ("Too many requests", "Please wait a moment and try again."),
            503 => ("Temporarily unavailable", "The site cannot answer right now. Please try again in a few minutes."),
            _ => ("Something went wrong", "We could not complete your request. Please try again later."),
        };
        (Heading, Explanation) = (text[heading], text[explanation]);
    }
}
