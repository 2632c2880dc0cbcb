using System.Globalization;

namespace Petition.Web.Signatories;

/// <summary>
/// Where a page of the list walked section by section ended: the section's number and the cursor inside it (empty at
/// its start). Written "s{index}.{cursor}": neither kind of cursor inside a section contains a dot.
/// </summary>
public readonly record struct SectionCursor(int Index, string? Inner)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"s{Index}.{Inner}");

    public static bool TryParse(string? value, out SectionCursor cursor)
    {
        cursor = default;
        if (string.IsNullOrEmpty(value) || value.Length > 80 || value[0] != 's')
            return false;
        var dot = value.IndexOf('.');
        if (dot < 2)
            return false;
        if (!int.TryParse(value.AsSpan(1, dot - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            return false;
        cursor = new SectionCursor(index, dot + 1 < value.Length ? value[(dot + 1)..] : null);
        return true;
    }
}
