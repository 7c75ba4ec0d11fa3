using Kiriwake.Web.Store;

namespace Kiriwake.Web.Hosting;

/// <summary>How one web process runs: where its store and knowledge are, and what a session may hold.</summary>
public sealed record KiriwakeWebOptions
{
    /// <summary>What --store or KIRIWAKE_STORE named (null: the SQLite file in the person's data folder).</summary>
    public string? Store { get; init; }

    /// <summary>The knowledge folder (null: the one shipped beside the program).</summary>
    public string? KnowledgeDirectory { get; init; }

    /// <summary>A learned overlay folder (`kiriwake kb learn`, docs/learning.md) laid over the knowledge base (null: none).</summary>
    public string? LearnedDirectory { get; init; }

    /// <summary>How long a session lives after its last change.</summary>
    public TimeSpan SessionLifetime { get; init; } = TimeSpan.FromDays(7);

    /// <summary>The largest log file or pasted text accepted.</summary>
    public long MaxUploadBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>New sessions per client address per minute.</summary>
    public int SessionsPerMinute { get; init; } = 30;

    /// <summary>
    /// At most this many bytes of API session objects are kept in the process for reads of unchanged sessions
    /// (0: none). Bounded so that memory stays flat however many sessions the store holds.
    /// </summary>
    public long SessionCacheBytes { get; init; } = 32L * 1024 * 1024;

    /// <summary>Local evidence pages (backups, device): null decides from the bound address (loopback only).</summary>
    public bool? LocalEvidence { get; init; }

    /// <summary>Where the local backups are looked for (null: the platform's usual folders).</summary>
    public string? BackupsDirectory { get; init; }

    /// <summary>Where the libimobiledevice tools are (null: PATH).</summary>
    public string? ToolsDirectory { get; init; }

    /// <summary>Device actions in local mode: how long a backup may make no progress, and the tool's time to stop (null: the maker's defaults).</summary>
    public Evidence.DeviceTools.BackupMakerOptions? BackupLimits { get; init; }

    /// <summary>
    /// Work out the likely decisions of every symptom in the background at start (and after an overlay is approved),
    /// so that the first people do not wait for the engine's first solves (Diagnosis/EngineWarmer).
    /// </summary>
    public bool WarmEngines { get; init; } = true;

    public static KiriwakeWebOptions FromEnvironment() => new()
    {
        Store = Environment.GetEnvironmentVariable("KIRIWAKE_STORE"),
        KnowledgeDirectory = Environment.GetEnvironmentVariable("KIRIWAKE_KB"),
    };

    public StoreConnection Connection() => StoreConnection.Parse(Store, StoreConnection.DefaultSqliteFile());

    public string Knowledge() => KnowledgeDirectory ?? Path.Combine(AppContext.BaseDirectory, "knowledge");
}
