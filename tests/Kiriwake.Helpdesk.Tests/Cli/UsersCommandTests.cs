using Kiriwake.Cli.Tests;
using Kiriwake.Helpdesk.Tests.Support;
using Kiriwake.Web.Helpdesk.Store;
using Kiriwake.Web.Store;
using Microsoft.EntityFrameworkCore;

namespace Kiriwake.Helpdesk.Tests.Cli;

public sealed class UsersCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kiriwake-helpdesk-users-").FullName;

    private string Store => Path.Combine(_folder, "store.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task UsersAdd_PasswordOnStandardInput_CreatesHashedAccountAndAudits()
    {
        var result = await CliRunner.RunWithInputAsync("a long enough password\n", "users", "add", "kimura", "--role", "admin", "--store", Store, "--lang", "en");

        Assert.Equal(0, result.ExitCode);
        await using var db = HelpdeskStore.Open(StoreConnection.Parse(Store, Store));
        var user = await db.Users.SingleAsync();
        Assert.Equal("kimura", user.UserName);
        Assert.DoesNotContain("a long enough password", user.PasswordHash, StringComparison.Ordinal);
        Assert.Contains(await db.AuditEvents.ToListAsync(), a => a.Action == "user-added" && a.Detail.Contains("admin", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UsersAdd_PasswordAsArgument_RefusedAsUsage()
    {
        var result = await CliRunner.RunWithInputAsync("", "users", "add", "kimura", "--role", "admin", "--password", "a long enough password", "--store", Store);

        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public async Task UsersAdd_ShortPassword_RefusedAndNothingStored()
    {
        var result = await CliRunner.RunWithInputAsync("short\n", "users", "add", "kimura", "--role", "agent", "--store", Store, "--lang", "en");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("at least 12 characters", result.Error, StringComparison.Ordinal);
        await using var db = HelpdeskStore.Open(StoreConnection.Parse(Store, Store));
        Assert.Empty(await db.Users.ToListAsync());
    }

    [Fact]
    public async Task UsersAdd_UnknownRole_RefusedAsUsage()
    {
        var result = await CliRunner.RunWithInputAsync("a long enough password\n", "users", "add", "kimura", "--role", "boss", "--store", Store, "--lang", "en");

        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public async Task UsersAdd_Email_StoredForTheOrganisationsSignIn()
    {
        var result = await CliRunner.RunWithInputAsync("a long enough password\n", "users", "add", "sato", "--role", "agent", "--email", "sato@contoso.example", "--store", Store, "--lang", "en");

        Assert.Equal(0, result.ExitCode);
        await using var db = HelpdeskStore.Open(StoreConnection.Parse(Store, Store));
        var user = await db.Users.SingleAsync();
        Assert.Equal(("sato@contoso.example", "SATO@CONTOSO.EXAMPLE", true), (user.Email, user.NormalizedEmail, user.EmailConfirmed));
    }

    [Theory]
    [InlineData("not an address")]
    [InlineData("Sato <sato@contoso.example>")]
    public async Task UsersAdd_MalformedEmail_RefusedAndNothingStored(string email)
    {
        var result = await CliRunner.RunWithInputAsync("a long enough password\n", "users", "add", "sato", "--role", "agent", "--email", email, "--store", Store, "--lang", "en");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("is not an email address", OneLine(result.Error), StringComparison.Ordinal);
        await using var db = HelpdeskStore.Open(StoreConnection.Parse(Store, Store));
        Assert.Empty(await db.Users.ToListAsync());
    }

    [Fact]
    public async Task UsersAdd_EmailOfAnotherAccount_RefusedNamingIt()
    {
        await CliRunner.RunWithInputAsync("a long enough password\n", "users", "add", "sato", "--role", "agent", "--email", "desk@contoso.example", "--store", Store);

        var result = await CliRunner.RunWithInputAsync("a long enough password\n", "users", "add", "suzuki", "--role", "technician", "--email", "Desk@Contoso.example", "--store", Store, "--lang", "en");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("already belongs to the account sato", OneLine(result.Error), StringComparison.Ordinal);
        await using var db = HelpdeskStore.Open(StoreConnection.Parse(Store, Store));
        Assert.Equal("sato", (await db.Users.SingleAsync()).UserName);
    }

    // The terminal wraps long messages.
    private static string OneLine(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");
}
