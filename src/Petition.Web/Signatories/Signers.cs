namespace Petition.Web.Signatories;

/// <summary>Who the list shows: organisations or individuals (a letter that takes organisations lists them apart).</summary>
public enum Signers { Organizations, Individuals }

public static class SignersWords
{
    public static Signers? Parse(string? word) => word?.Trim().ToLowerInvariant() switch
    {
        "organizations" or "organisations" => Signers.Organizations,
        "individuals" => Signers.Individuals,
        _ => null,
    };

    public static string Word(this Signers signers) => signers == Signers.Organizations ? "organizations" : "individuals";
}
