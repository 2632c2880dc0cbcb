using System.Runtime.CompilerServices;

namespace Petition.Tests.Infrastructure;

/// <summary>
/// The suite starts dozens of apps, each watching its settings files for changes it never has; on Linux each watch
/// is an inotify instance, and a user has 128 of them for every process on the machine (test runs in other
/// checkouts included). Past that, a request fails with an IOException. The apps read their settings once, and the
/// static files' versions (asp-append-version) are checked by polling, which needs no instance.
/// </summary>
static class FileWatchers
{
    [ModuleInitializer]
    internal static void NoInotify()
    {
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }
}
