using System.Globalization;

namespace Petition.Web.Signatories;

/// <summary>
/// Where a page ended inside the notable signatories, who come first in their set order. Written "n{order}_{id}":
/// a date cursor never starts with a lower-case n, so the two kinds cannot be confused.
/// </summary>
public readonly record struct NotableCursor(int Order, long Id)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"n{Order}_{Id}");

    public static bool TryParse(string? value, out NotableCursor cursor)
    {
        cursor = default;
        if (string.IsNullOrEmpty(value) || value.Length > 40 || value[0] != 'n')
            return false;
        var parts = value[1..].Split('_');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var order)
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            return false;
        cursor = new NotableCursor(order, id);
        return true;
    }
}
