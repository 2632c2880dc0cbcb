using System.Diagnostics;

namespace Petition.Tests.Infrastructure;

/// <summary>
/// For what truly happens on another thread (the outbox's sender, a request's metrics): waits until it holds,
/// with a deadline generous enough for a loaded machine. Not for "nothing happened": use the fake clock or a signal.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    public static async Task HoldsAsync(Func<Task<bool>> condition, string what = "the condition")
    {
        var waited = Stopwatch.StartNew(); // the test's own wall clock: the app's is a FakeTimeProvider
        while (!await condition())
        {
            if (waited.Elapsed > Deadline)
                throw new TimeoutException($"{what} never held within {Deadline.TotalSeconds:0} s.");
            await Task.Delay(20); // a poll, not a wait for something to happen by itself
        }
    }

    public static Task HoldsAsync(Func<bool> condition, string what = "the condition") =>
        HoldsAsync(() => Task.FromResult(condition()), what);
}
