using Kiriwake.Bench.Backup;

// Entry point of the benchmarks and evaluation harnesses; each harness registers itself here.
return args.FirstOrDefault() switch
{
    "backup-deep-check" => await BackupDeepCheckHarness.RunAsync(args[1..]),
    "password-check" => PasswordCheckHarness.Run(args[1..]),
    "fuzz-plist" => FuzzHarness.Run(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project bench/Kiriwake.Bench -- <harness> [options]");
    Console.Error.WriteLine("harnesses: backup-deep-check [--files N], password-check, fuzz-plist [--cases N]");
    return 2;
}
