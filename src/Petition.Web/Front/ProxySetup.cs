using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Petition.Web.Front;

/// <summary>
/// Behind a reverse proxy, the client's address and scheme come from X-Forwarded-* headers, and only when the
/// request arrives from a proxy listed in configuration: anyone else could claim any address.
/// </summary>
public static class ProxySetup
{
    public static WebApplicationBuilder AddProxySupport(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("ForwardedHeaders");
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.ForwardLimit = section.GetValue("ForwardLimit", 1);
            foreach (var proxy in section.GetSection("KnownProxies").Get<string[]>() ?? [])
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            foreach (var network in section.GetSection("KnownNetworks").Get<string[]>() ?? [])
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });
        return builder;
    }
}
