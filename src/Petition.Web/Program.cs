using Petition.Web.Accounts;
using Petition.Web.Admin;
using Petition.Web.Api;
using Petition.Web.Caching;
using Petition.Web.Commands;
using Petition.Web.Database;
using Petition.Web.Email;
using Petition.Web.Exports;
using Petition.Web.Front;
using Petition.Web.Languages;
using Petition.Web.Letters;
using Petition.Web.Privacy;
using Petition.Web.Seals;
using Petition.Web.Observability;
using Petition.Web.Sharing;
using Petition.Web.Signing;

var builder = WebApplication.CreateBuilder(args);

builder.AddDatabase();
builder.AddEmail();
builder.AddSigning();
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
app.MapMetrics();

app.Run();

/// <summary>Visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
