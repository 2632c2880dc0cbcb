using System.Net;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Petition.Data;
using Petition.Data.Moderation;
using Petition.Web.Signing;
using Petition.Web.Text;

namespace Petition.Web.Abuse;

/// <summary>
/// Decides whether a signature is to be quietly kept off the list: the organisers' block rules and a shipped list
/// of throwaway email domains. Rules are read from the database at most every half minute.
/// </summary>
public class BlockList(IServiceScopeFactory scopes, IMemoryCache cache)
{
    static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);
    static readonly HashSet<string> Disposable = LoadDisposableDomains();

    /// <summary>Why this signer is blocked, for moderators' eyes; null when they are not.</summary>
    public async Task<string?> ReasonToBlockAsync(string email, string? ipAddress, CancellationToken cancellationToken)
    {
        var canonical = EmailAddress.Canonicalize(email);
        var domain = EmailAddress.Domain(canonical);
        if (DomainMatches(domain, Disposable) is { } throwaway)
            return $"disposable email domain {throwaway}";

        var rules = await RulesAsync(cancellationToken);
        IPAddress.TryParse(ipAddress, out var ip);
        foreach (var rule in rules)
        {
            var value = rule.Value.Trim().ToLowerInvariant();
            var hit = rule.Kind switch
            {
                BlockKind.Email => EmailAddress.Canonicalize(value) == canonical,
                BlockKind.Domain => domain == value || domain.EndsWith("." + value, StringComparison.Ordinal),
                BlockKind.Ip => ip is not null && IPAddress.TryParse(value, out var blocked) && blocked.Equals(ip),
                BlockKind.Cidr => ip is not null && IPNetwork.TryParse(value, out var network) && network.Contains(ip),
                _ => false,
            };
            if (hit)
                return $"block rule {rule.Id} ({rule.Kind} {rule.Value}){(rule.Reason is { Length: > 0 } r ? ": " + r : "")}";
        }
        return null;
    }

    public void Invalidate() => cache.Remove(nameof(BlockList));

    public static bool IsDisposable(string domain) => DomainMatches(domain, Disposable) is not null;

    static string? DomainMatches(string domain, HashSet<string> domains)
    {
        for (var d = domain; d.Length > 0; d = d.IndexOf('.') is var dot and >= 0 ? d[(dot + 1)..] : "")
            if (domains.Contains(d))
                return d;
        return null;
    }

    Task<List<BlockRule>> RulesAsync(CancellationToken cancellationToken) =>
        cache.GetOrCreateAsync(nameof(BlockList), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = MaxAge;
            await using var scope = scopes.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<PetitionDbContext>().BlockRules.AsNoTracking().ToListAsync(cancellationToken);
        })!;

    static HashSet<string> LoadDisposableDomains()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Petition.Web.Abuse.disposable-domains.txt")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(line => !line.StartsWith('#')).ToHashSet(StringComparer.Ordinal);
    }
}
