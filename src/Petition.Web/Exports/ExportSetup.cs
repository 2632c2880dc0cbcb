using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Petition.Data;
using Petition.Web.Exports.Pdf;
using Petition.Web.Front;
using Petition.Web.Letters;
using Petition.Web.Signatories;
using Petition.Web.Signing;

namespace Petition.Web.Exports;

/// <summary>Exports of signatory lists: the writers, the signing key, the public download and the published key.</summary>
public static partial class ExportSetup
{
    public static WebApplicationBuilder AddExports(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ExportOptions>().BindConfiguration("Exports").ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IExportWriter, CsvExportWriter>();
        builder.Services.AddSingleton<IExportWriter, XlsxExportWriter>();
        builder.Services.AddSingleton<IExportWriter, JsonExportWriter>();
        builder.Services.AddSingleton<IExportWriter, PdfExportWriter>();
        builder.Services.AddSingleton<ExportSigningKey>();
        builder.Services.AddScoped<SignedExports>();
        builder.Services.AddSingleton<PublicExportFiles>();
        return builder;
    }

    public static IEndpointRouteBuilder MapExports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/letters/{slug}/signatures.{format}", PublicExport).WithName("ExportSignatures").WithTags("Letters")
            .WithMetadata(new Front.LimitedAttribute(Front.Door.Export))
            .WithDescription("The public signatory list as csv, xlsx, json or pdf, signed by the site's key (add bundle=true for a zip with the signature and key). "
                + "from and to (UTC, ISO 8601) narrow it by the date each name was published, the date the file shows; a date that cannot be read is a 400. "
                + "language (fr, es, ru, zh-Hans, ar, ...) writes the PDF in a language the letter is translated into.");
        app.MapGet(ExportSigningKey.WellKnownPath, async (ExportSigningKey key, CancellationToken cancellationToken) =>
            TypedResults.Text(await key.PublicKeyPemAsync(cancellationToken), "application/x-pem-file"))
            .WithName("ExportSigningKey").WithTags("Letters");
        return app;
    }

    static async Task<Results<SignedFile, ValidationProblem, ProblemHttpResult>> PublicExport(string slug, string format,
        [AsParameters] PublicExportQuery query, PetitionDbContext db, PublicExportFiles exports, ExportSigningKey key,
        HttpResponse response, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!ExportFormats.TryParse(format, out var exportFormat))
            return TypedResults.Problem($"Unknown format \"{format}\": use csv, xlsx, json or pdf.", statusCode: StatusCodes.Status404NotFound);
        var letter = await db.Letters.AsNoTracking().PublicBySlug(slug, time.GetUtcNow(), cancellationToken);
        if (letter is null)
            return TypedResults.Problem($"There is no letter \"{slug}\".", statusCode: StatusCodes.Status404NotFound);
        Signatories.SignatoryIndexing.Apply(response, letter);
        response.HttpContext.RequestServices.GetRequiredService<Abuse.ListReadTally>().Record(response.HttpContext, letter.Id);
        var filter = new ExportFilter
        {
            Country = query.Country, Category = query.Category, Notable = query.Notable,
            From = query.From, To = query.To, Version = query.Version,
        };
        var validation = await new SignatureFilterValidator().ValidateAsync(filter, cancellationToken);
        if (!validation.IsValid)
            return TypedResults.ValidationProblem(validation.ToProblemErrors(), title: "Some filters need attention.");
        var file = await exports.OpenAsync(new ExportRequest(letter, ExportScope.Public, exportFormat, filter, query.Language), cancellationToken);
        if (file is null)
        {
            response.SetRetryAfter(TimeSpan.FromSeconds(30));
            return TypedResults.Problem("Many downloads of signatory lists are being prepared just now. Try again in a minute.",
                statusCode: StatusCodes.Status503ServiceUnavailable, title: "Busy preparing downloads");
        }
        return query.Bundle == true ? file.AsBundle(await key.PublicKeyPemAsync(cancellationToken)) : file;
    }

    record PublicExportQuery(string? Country, string? Category, bool? Notable, string? From, string? To, int? Version, bool? Bundle, string? Language);
}
