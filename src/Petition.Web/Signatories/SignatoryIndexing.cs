using Petition.Data.Letters;

namespace Petition.Web.Signatories;

/// <summary>
/// Search engines are asked not to index a letter's list of names (its page, its API and its downloads) unless the
/// organiser chose otherwise: a name found by a search for a person is the exposure signers fear most.
/// </summary>
public static class SignatoryIndexing
{
    public static void Apply(HttpResponse response, Letter letter)
    {
        if (!letter.IndexSignatories)
            response.Headers["X-Robots-Tag"] = "noindex, nofollow";
    }
}
