using System.Linq.Expressions;

namespace Petition.Data.Signatures;

/// <summary>
/// Who is on a letter's public list of signatories, decided here once: a published signature whose signer chose to be
/// listed and that no moderator hid. The list and its search, the public export, the breakdowns, the count of listed
/// names, the rows a seal fixes and the moment a confirmation publishes one all ask this; the organiser's holding of
/// names (<see cref="Letters.Letter.NamesPublicAt"/>) is asked on top of it where names are shown.
/// </summary>
public static class PublicList
{
    /// <summary>Among published signatures, the ones listed by name: for a projection or a grouping that needs the rule as a value.</summary>
    public static readonly Expression<Func<Signature, bool>> Listed = s => s.ListPublicly && !s.Hidden;

    /// <summary>The letter's signatures on its public list.</summary>
    public static IQueryable<Signature> ListedOn(this IQueryable<Signature> signatures, int letterId) =>
        signatures.Where(s => s.LetterId == letterId && s.State == SignatureState.Published).Where(Listed);

    /// <summary>
    /// A projection that takes the rule as its second argument, rewritten to read it in the query itself (for a row
    /// that says whether it is listed, or a count grouped by it): <c>Project((s, listed) => new { listed, s.Country })</c>.
    /// </summary>
    public static Expression<Func<Signature, TResult>> Project<TResult>(Expression<Func<Signature, bool, TResult>> shape)
    {
        var signature = shape.Parameters[0];
        var listed = new Rebind(Listed.Parameters[0], signature).Visit(Listed.Body);
        return Expression.Lambda<Func<Signature, TResult>>(new Rebind(shape.Parameters[1], listed).Visit(shape.Body), signature);
    }

    sealed class Rebind(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }

    static readonly Func<Signature, bool> ListedNow = Listed.Compile();

    /// <summary>Whether this published signature is listed by name, for one in memory.</summary>
    public static bool IsListed(this Signature signature) => ListedNow(signature);
}
