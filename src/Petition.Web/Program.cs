using Petition.Web.Abuse;
using Petition.Web.Accounts;
using Petition.Web.Admin;
using Petition.Web.Api;
using Petition.Web.Caching;
using Petition.Web.Commands;
using Petition.Web.Database;
using Petition.Web.Delivery;
using Petition.Web.Email;
using Petition.Web.Exports;
using Petition.Web.Founding;
using Petition.Web.Front;
using Petition.Web.Imports;
using Petition.Web.Keys;
using Petition.Web.Languages;
using Petition.Web.Letters;
using Petition.Web.Managing;
using Petition.Web.Observability;
using Petition.Web.Privacy;
using Petition.Web.Reach;
using Petition.Web.Recipients;
using Petition.Web.Seals;
using Petition.Web.Sharing;
using Petition.Web.Signatories;
using Petition.Web.Signing;
using Petition.Web.Site;
using Petition.Web.Updates;

var builder = WebApplication.CreateBuilder(args);

builder.AddSite();
builder.AddDatabase();
builder.AddKeys();
builder.AddEmail();
builder.AddLetters();
builder.AddSignatories();
builder.AddAbuse();
builder.AddSigning();
builder.AddManaging();
builder.AddImports();
builder.AddFounding();
builder.AddPrivacy();
builder.AddAccounts();
builder.AddAdmin();
builder.AddFrontEnd();
builder.AddLanguages();
builder.AddProxySupport();
builder.AddRateLimits();
builder.AddOutputCaching();
builder.AddSharing();
builder.AddExports();
builder.AddSeals();
builder.AddReach();
builder.AddRecipients();
builder.AddUpdates();
builder.AddMetrics();

var app = builder.Build();

if (await app.TryRunCommandAsync(args))
    return;

app.UseFrontEnd();
app.MapLettersApi();
app.MapLanguageSwitch();
app.MapSharing();
app.MapOrganiserLogos();
app.MapExports();
app.MapSeals();
app.MapResponsesApi();
app.MapPackFiles();
app.MapMetrics();

app.Run();

/// <summary>Visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
