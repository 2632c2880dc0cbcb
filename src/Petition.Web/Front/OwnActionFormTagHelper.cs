using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Petition.Web.Front;

/// <summary>
/// A post form that names no address posts to the page it is on, never to the handler the page was last reached
/// through: a browser sends such a form to the address in its bar, so after "Preview" (?handler=Preview) a plain
/// "Save" would only preview again and the organiser's edit would be lost. Every such form gets its page's own
/// address, the query kept except the handler, so no button can reach a handler it does not name.
/// </summary>
[HtmlTargetElement("form", Attributes = "method")]
public sealed class OwnActionFormTagHelper : TagHelper
{
    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    /// <summary>After the framework's form tag helper, which writes the action of a form that names its page.</summary>
    public override int Order => 1000;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (!string.Equals(context.AllAttributes["method"]?.Value?.ToString(), "post", StringComparison.OrdinalIgnoreCase)
            || output.Attributes.ContainsName("action"))
            return;
        var request = ViewContext.HttpContext.Request;
        var query = QueryString.Create(request.Query
            .Where(q => !string.Equals(q.Key, "handler", StringComparison.OrdinalIgnoreCase))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v))));
        output.Attributes.SetAttribute("action", request.PathBase.ToUriComponent() + request.Path.ToUriComponent() + query.ToUriComponent());
    }
}
