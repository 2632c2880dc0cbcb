namespace Petition.Data.Sealing;

/// <summary>One string sealed into a text column, marked so that a value written before sealing still reads.</summary>
public static class SealedText
{
    const string Prefix = "sealed:";

    public static string? Seal(IPersonalDataSeal seal, string? value) =>
        value is null || value.StartsWith(Prefix, StringComparison.Ordinal) ? value
            : Prefix + Convert.ToBase64String(SealedStrings.Seal(seal, value) ?? []);

    public static string? Open(IPersonalDataSeal seal, string? value) =>
        value is not null && value.StartsWith(Prefix, StringComparison.Ordinal)
            ? SealedStrings.Open(seal, Convert.FromBase64String(value[Prefix.Length..]) is { Length: > 0 } bytes ? bytes : null, 1)[0] ?? ""
            : value;
}
