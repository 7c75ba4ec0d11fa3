# Runs the kiriwake command from this checkout on Windows (PowerShell 5.1 or 7), building it first when a
# source or knowledge file changed. Building takes about a minute the first time; this says so on stderr.
$ErrorActionPreference = 'Stop'
$here = Split-Path -Parent $MyInvocation.MyCommand.Path
$dll = Join-Path $here 'artifacts\bin\Kiriwake.Cli\release\kiriwake.dll'

# The person's language: --lang on the command line, else the Windows display language.
$lang = if ((Get-UICulture).Name -like 'ja*' -or (Get-Culture).Name -like 'ja*') { 'ja' } else { 'en' }
for ($i = 0; $i -lt $args.Count; $i++) {
    if ($args[$i] -eq '--lang' -and $i + 1 -lt $args.Count) { $lang = $args[$i + 1] }
    elseif ($args[$i] -like '--lang=*') { $lang = $args[$i].Substring(7) }
}

function Say([string] $ja, [string] $en) {
    if ($lang -eq 'ja') { [Console]::Error.WriteLine($ja) } else { [Console]::Error.WriteLine($en) }
}

if (-not (Get-Command dotnet -ErrorAction SilentlyContinue)) {
    Say 'kiriwake: .NET SDK (dotnet) が見つかりません。https://dotnet.microsoft.com/download から .NET 10 SDK を入れるか、README の「SDK なしで使う」の単一ファイル版を使ってください。' `
        'kiriwake: the .NET SDK (dotnet) was not found. Install the .NET 10 SDK from https://dotnet.microsoft.com/download, or use the single-file build described in the README ("Without the SDK").'
    exit 127
}

$rebuild = $false
if (-not (Test-Path $dll)) {
    Say 'kiriwake: 初回のためビルドしています(1分ほどかかります)…' 'kiriwake: building for the first time (about a minute)…'
    $rebuild = $true
} else {
    $built = (Get-Item $dll).LastWriteTimeUtc
    $inputs = @(Get-ChildItem -Recurse -File (Join-Path $here 'src'), (Join-Path $here 'knowledge')) +
        @(Get-Item (Join-Path $here 'Directory.Build.props'), (Join-Path $here 'Directory.Packages.props'))
    if ($inputs | Where-Object { $_.LastWriteTimeUtc -gt $built } | Select-Object -First 1) {
        Say 'kiriwake: 変更があったので再ビルドしています…' 'kiriwake: sources changed, rebuilding…'
        $rebuild = $true
    }
}

if ($rebuild) {
    # The build's own output is shown (on stderr, like every message of this launcher) only when it fails.
    $buildLog = & dotnet build (Join-Path $here 'src\Kiriwake.Cli') -c Release -nologo -v quiet -clp:ErrorsOnly 2>&1
    if ($LASTEXITCODE -ne 0) {
        $buildLog | ForEach-Object { [Console]::Error.WriteLine($_) }
        Say 'kiriwake: ビルドに失敗しました(上のエラーを参照)。' 'kiriwake: the build failed (see the errors above).'
        exit 1
    }
    Say 'kiriwake: ビルドが終わりました。' 'kiriwake: build finished.'
}

& dotnet $dll @args
exit $LASTEXITCODE
