using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Kiriwake.Web.Tests.Support;

/// <summary>
/// A throwaway PostgreSQL server: initdb into a temporary folder, pg_ctl on a free loopback port, stopped and
/// deleted afterwards. PostgreSQL refuses to run as root, so as root (CI) it runs as the unprivileged "nobody".
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly string _folder;
    private readonly string _pgctl;
    private readonly bool _asNobody;

    private PostgresServer(string folder, string pgctl, bool asNobody, int port)
    {
        _folder = folder;
        _pgctl = pgctl;
        _asNobody = asNobody;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=kiriwake;Database=postgres;Pooling=true;Timeout=10";

    /// <summary>The folder holding initdb and pg_ctl, or null when PostgreSQL is not installed.</summary>
    public static string? BinDirectory()
    {
        var candidates = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Concat(Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(d => Path.Combine(d, "bin")) : []);
        return candidates.FirstOrDefault(d => d.Length > 0 && File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
    }

    public static async Task<PostgresServer> StartAsync()
    {
        var bin = BinDirectory() ?? throw new InvalidOperationException("PostgreSQL is not installed");
        var asNobody = Environment.UserName == "root";
        var folder = Directory.CreateTempSubdirectory("kiriwake-pg-").FullName;
        if (asNobody)
        {
            await RunAsync("chown", ["-R", "nobody", folder], asNobody: false);
        }

        var port = FreePort();
        var data = Path.Combine(folder, "data");
        await RunAsync(Path.Combine(bin, "initdb"), ["-D", data, "-A", "trust", "-U", "kiriwake", "-E", "UTF8", "--no-sync", "--no-instructions"], asNobody);
        var server = new PostgresServer(folder, Path.Combine(bin, "pg_ctl"), asNobody, port);
        await RunAsync(server._pgctl, ["-D", data, "-l", Path.Combine(folder, "log"), "-w", "-t", "60", "-o",
            $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off", "start"], asNobody);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await RunAsync(_pgctl, ["-D", Path.Combine(_folder, "data"), "-m", "immediate", "-w", "stop"], _asNobody);
        }
        finally
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string file, IReadOnlyList<string> args, bool asNobody)
    {
        var start = new ProcessStartInfo(asNobody ? "runuser" : file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (asNobody)
        {
            foreach (var a in new[] { "-u", "nobody", "--", file })
            {
                start.ArgumentList.Add(a);
            }
        }

        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(file)} failed ({process.ExitCode}): {await error}{await output}");
        }
    }
}

/// <summary>A test against a throwaway PostgreSQL; skipped with the reason when its binaries are absent.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresServer.BinDirectory() is null)
        {
            Skip = "PostgreSQL (initdb, pg_ctl) is not installed; apt-get install postgresql (.ci/run installs it)";
        }
    }
}
