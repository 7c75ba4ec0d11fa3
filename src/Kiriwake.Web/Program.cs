using Kiriwake.Web.Hosting;

// Standalone host (used by WebApplicationFactory in tests); `kiriwake serve` builds the same app.
var app = await KiriwakeWebApp.BuildAsync(args, KiriwakeWebOptions.FromEnvironment(), configure: null);
await app.RunAsync();

/// <summary>The entry point WebApplicationFactory looks for.</summary>
public partial class Program;
