namespace Petition.Web.Languages;

/// <summary>
/// The site's own words. Keys are the English text itself, so English needs no resource file and a missing
/// translation shows English; <c>SiteText.fr.resx</c>, <c>SiteText.es.resx</c> and the others hold the rest.
/// Inject <c>IStringLocalizer&lt;SiteText&gt;</c>.
/// </summary>
public sealed class SiteText;
