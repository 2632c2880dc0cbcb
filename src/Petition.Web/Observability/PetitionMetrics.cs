using System.Diagnostics.Metrics;
using Petition.Data.Signatures;

namespace Petition.Web.Observability;

/// <summary>The app's own instruments: what an operator graphs beside request latency.</summary>
public sealed class PetitionMetrics
{
    public const string MeterName = "Petition";

    readonly Counter<long> accepted;
    readonly Counter<long> confirmed;
    readonly Counter<long> refused;

    public PetitionMetrics(IMeterFactory meters, OutboxGauges outbox)
    {
        var meter = meters.Create(MeterName);
        accepted = meter.CreateCounter<long>("petition.signatures.accepted", "{signature}",
            "Signatures acknowledged to the signer (202 from the API, redirect from the form), by source.");
        confirmed = meter.CreateCounter<long>("petition.signatures.confirmed", "{signature}",
            "Signatures confirmed from the emailed link.");
        refused = meter.CreateCounter<long>("petition.sign_forms.refused", "{form}",
            "Sign forms the robot check sent back to be sent again, by reason (honeypot, nostamp, expired, toofast, spent).");
        meter.CreateObservableGauge("petition.outbox.depth", () => outbox.Read().Depth, "{message}",
            "Emails waiting to be sent (not yet sent, not given up on).");
        meter.CreateObservableGauge("petition.outbox.oldest_age", () => outbox.Read().OldestAge.TotalSeconds, "s",
            "Age of the oldest email waiting to be sent; 0 when none waits.");
    }

    public void SignatureAccepted(SignatureSource source) =>
        accepted.Add(1, new KeyValuePair<string, object?>("source", source.ToString().ToLowerInvariant()));

    public void SignatureConfirmed() => confirmed.Add(1);

    public void SignFormRefused(Enum reason) =>
        refused.Add(1, new KeyValuePair<string, object?>("reason", reason.ToString().ToLowerInvariant()));
}
