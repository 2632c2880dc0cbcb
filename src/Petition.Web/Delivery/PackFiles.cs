using Microsoft.AspNetCore.Http.HttpResults;
using Petition.Web.Exports;

using Petition.Web.Front;

namespace Petition.Web.Delivery;

/// <summary>
/// A pack's files: the public list as it stood at delivery (the names published before it), as a signed zip (the
/// file, its digest and signature, the signed manifest, the key and how to verify), the PDF in the recipient's
/// language. A link that no longer works is sent to its page, which says why: never a file.
/// </summary>
public static class PackFiles
{
    public static IEndpointRouteBuilder MapPackFiles(this IEndpointRouteBuilder app)
    {
        app.MapGet("/packs/{token}/signatures.{format}", GetFile).WithName("GetPackFile").ExcludeFromDescription()
            .WithMetadata(new LimitedAttribute(Door.Export));
        return app;
    }

    /// <summary>
    /// The list as it stood at delivery, narrowed to one country when asked: only the recipient's own, and only on
    /// a letter that publishes countries ("12 signatories from Ghana"). Null for any other country.
    /// </summary>
    public static ExportFilter? OwnCountryFilter(PackVisit visit, string? country) =>
        country is { Length: > 0 } && visit.Letter!.Fields.Country.Published
            && string.Equals(country, visit.Recipient!.Country, StringComparison.OrdinalIgnoreCase)
            ? AtDelivery(visit, visit.Recipient.Country) : null;

    public static ExportFilter AtDelivery(PackVisit visit, string? country = null) =>
        new() { To = visit.Delivery!.CreatedAt.UtcDateTime.ToString("o"), Country = country };

    static async Task<Results<SignedFile, RedirectHttpResult, NotFound, ProblemHttpResult>> GetFile(string token, string format, string? country,
        PackLinks links, PublicExportFiles exports, ExportSigningKey key, HttpResponse response, CancellationToken cancellationToken)
    {
        if (format is not ("csv" or "pdf") || !ExportFormats.TryParse(format, out var exportFormat))
            return TypedResults.NotFound();
        var visit = await links.FindAsync(token, cancellationToken);
        if (visit.State != PackLinkState.Open)
            return TypedResults.Redirect($"/packs/{Uri.EscapeDataString(token)}");
        response.Headers["Referrer-Policy"] = "no-referrer";
        var filter = country is null ? AtDelivery(visit) : OwnCountryFilter(visit, country);
        if (filter is null)
            return TypedResults.NotFound();
        var file = await exports.OpenAsync(new ExportRequest(visit.Letter!, ExportScope.Public, exportFormat, filter, visit.Recipient!.Language), cancellationToken);
        if (file is null)
        {
            response.Headers.RetryAfter = "30";
            return TypedResults.Problem("Many downloads of signatory lists are being prepared just now. Try again in a minute.",
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        await links.CountDownloadAsync(visit.Pack!, cancellationToken);
        return file.AsBundle(await key.PublicKeyPemAsync(cancellationToken));
    }
}
