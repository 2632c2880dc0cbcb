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

    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        signal.WaitAsync(timeout, cancellationToken);
}
