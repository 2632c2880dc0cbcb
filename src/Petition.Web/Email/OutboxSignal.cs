namespace Petition.Web.Email;

/// <summary>Wakes the dispatcher when a request has just committed mail, instead of waiting for the next poll.</summary>
public class OutboxSignal
{
    readonly SemaphoreSlim signal = new(0, 1);

    public void Notify()
    {
        if (signal.CurrentCount == 0)
        {
            try { signal.Release(); }
            catch (SemaphoreFullException) { /* already signalled */ }
        }
    }

    /// <summary>
    /// Until signalled, or the poll interval on the wall clock: the poll finds mail other instances committed, which
    /// no signal here announces, and it must keep polling when the app's TimeProvider is a test's clock that moves
    /// only by hand (the tests drain the outbox themselves, see OutboxDrain).
    /// </summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        signal.WaitAsync(timeout, cancellationToken);
}
