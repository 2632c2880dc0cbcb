using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Petition.Web.Signing;

/// <summary>One validator's result, handed to a page's ModelState or an API's problem body.</summary>
public static class ValidationErrors
{
    /// <summary>
    /// Validates a form's input and puts each error on its field (under <paramref name="prefix"/>, the bound
    /// property's name), so the page shows what is wrong beside what was typed. True when nothing is wrong.
    /// </summary>
    public static async Task<bool> ValidInAsync<T>(this IValidator<T> validator, T input, ModelStateDictionary modelState,
        string prefix, CancellationToken cancellationToken = default)
    {
        var result = await validator.ValidateAsync(input, cancellationToken);
        result.CopyTo(modelState, prefix);
        return result.IsValid;
    }

    static void CopyTo(this ValidationResult result, ModelStateDictionary modelState, string prefix)
    {
        foreach (var error in result.Errors)
            modelState.AddModelError($"{prefix}.{error.PropertyName}", error.ErrorMessage);
    }

    /// <summary>Field names as the JSON body spells them (camelCase).</summary>
    public static Dictionary<string, string[]> ToProblemErrors(this ValidationResult result) =>
        result.Errors
            .GroupBy(e => JsonName(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());

    static string JsonName(string property) =>
        property.Length == 0 ? property : char.ToLowerInvariant(property[0]) + property[1..];
}
