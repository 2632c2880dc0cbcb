using Petition.Data.Letters;
using Petition.Web.Signatories;

namespace Petition.Web.Pages.Letters;

/// <summary>Lines of the public list as a table, under one heading of the list or as the whole page.</summary>
public record SignatoryTable(Letter Letter, IReadOnlyList<PublicSignatory> Items);
