using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Petition.Data;
using Petition.Web.Accounts;
using Petition.Web.Database;
using Petition.Web.Letters;

namespace Petition.Web.Commands;

/// <summary>`migrate` and `create-admin`: the operator's commands, run instead of the server.</summary>
public static class CommandLine
{
    /// <summary>Runs the command named by the first argument, if any; true when one ran and the app should exit.</summary>
    public static async Task<bool> TryRunCommandAsync(this WebApplication app, string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-'))
            return false;
        Environment.ExitCode = args[0] switch
        {
            "migrate" => await MigrateAsync(app, Option(args, "--to")),
            "rotate-keys" => await RotateKeysAsync(app, resume: args.Contains("--resume")),
            "create-admin" => await CreateAdminAsync(app, Option(args, "--email"), Option(args, "--password")),
            _ => Unknown(args[0]),
        };
        return true;
    }

    /// <summary>Up to date, or with --to, to (or back to) that migration: to roll a release back, or to load data as an older version wrote it.</summary>
    static async Task<int> MigrateAsync(WebApplication app, string? target)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PetitionDbContext>();
        // Building an index on a large table takes far longer than the command timeout a request gets.
        db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
        if (target is not null)
        {
            var name = db.Database.GetMigrations().FirstOrDefault(m => m == target || m.EndsWith("_" + target, StringComparison.Ordinal));
            if (name is null)
            {
                Console.Error.WriteLine($"No migration named {target}.");
                return 2;
            }
            await db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>().MigrateAsync(name);
            Console.WriteLine($"Database is at {name} ({db.Database.ProviderName}).");
            return 0;
        }
        await SchemaUpgrade.MigrateAsync(db, scope.ServiceProvider.GetRequiredService<Keys.PersonalDataKeys>(), CancellationToken.None);
        Console.WriteLine($"Database is up to date ({db.Database.ProviderName}).");
        return 0;
    }

    /// <summary>A new personal-data key and everything re-sealed under it; --resume finishes an interrupted run without a new key.</summary>
    static async Task<int> RotateKeysAsync(WebApplication app, bool resume)
    {
        await app.Services.GetRequiredService<Keys.KeyRotation>().RunAsync(newKey: !resume, Console.Out, CancellationToken.None);
        return 0;
    }

    static async Task<int> CreateAdminAsync(WebApplication app, string? email, string? password)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            Console.Error.WriteLine("usage: create-admin --email E [--password P]");
            return 2;
        }
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<PetitionDbContext>();
        if (db.Database.IsSqlite())
            await SchemaUpgrade.MigrateAsync(db, services.GetRequiredService<Keys.PersonalDataKeys>(), CancellationToken.None);
        var users = services.GetRequiredService<UserManager<IdentityUser>>();
        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in new[] { Roles.Admin, Roles.Moderator })
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));

        var generated = password is null;
        password ??= RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 20);
        var user = await users.FindByEmailAsync(email);
        IdentityResult result;
        if (user is null)
        {
            user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
            result = await users.CreateAsync(user, password);
        }
        else
        {
            await users.RemovePasswordAsync(user);
            result = await users.AddPasswordAsync(user, password);
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
        }
        if (result.Succeeded && !await users.IsInRoleAsync(user, Roles.Admin))
            result = await users.AddToRoleAsync(user, Roles.Admin);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
                Console.Error.WriteLine(error.Description);
            return 1;
        }
        Console.WriteLine(generated
            ? $"Admin {email} is ready. Password (shown once): {password}"
            : $"Admin {email} is ready.");
        return 0;
    }

    static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    static int Unknown(string command)
    {
        Console.Error.WriteLine($"Unknown command '{command}'. Commands: migrate, create-admin --email E [--password P].");
        return 2;
    }
}
