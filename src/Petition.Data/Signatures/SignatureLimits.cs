namespace Petition.Data.Signatures;

/// <summary>Lengths the validator enforces and the columns hold.</summary>
public static class SignatureLimits
{
    public const int Name = 120;
    public const int Email = 254;
    public const int Title = 150;
    public const int Organization = 200;
    public const int Category = 60;
    public const int City = 100;
    public const int Comment = 1000;
    public const int Website = 200;
}
