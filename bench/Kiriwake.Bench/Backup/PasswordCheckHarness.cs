using System.Diagnostics;
using System.Globalization;
using System.Text;
using Kiriwake.Evidence.Crypto;
using Kiriwake.Evidence.Tests.Fixtures;

namespace Kiriwake.Bench.Backup;

/// <summary>
/// One password check with the real parameters (PBKDF2-SHA256 10,000,000 rounds, then PBKDF2-SHA1 10,000, then
/// 11 unwraps) against OpenSSL's own PBKDF2 with the same parameters (<c>openssl kdf</c>), same run. Target ≤ 1.1×.
/// </summary>
internal static class PasswordCheckHarness
{
    public static int Run(string[] args)
    {
        var bag = Keybag.Parse(KnownAnswer.Keybag());
        byte[] password = Encoding.UTF8.GetBytes(KnownAnswer.Password);
        var ours = new List<double>();
        var openssl = new List<double>();
        for (int round = 0; round < 3; round++)
        {
            var clock = Stopwatch.StartNew();
            var keys = PasswordChecker.CheckAsync(bag, password, null, CancellationToken.None).GetAwaiter().GetResult();
            ours.Add(clock.Elapsed.TotalSeconds);
            if (keys is null || Convert.ToHexStringLower(keys.DerivedKey) != KnownAnswer.DerivedKey)
            {
                Console.Error.WriteLine("the known-answer password did not unlock the keybag");
                return 1;
            }

            clock.Restart();
            string k1 = OpensslKdf("SHA256", "hex:" + Convert.ToHexString(password), 10_000_000);
            string derived = OpensslKdf("SHA1", "hex:" + k1.Replace(":", string.Empty, StringComparison.Ordinal), 10_000);
            openssl.Add(clock.Elapsed.TotalSeconds);
            if (!string.Equals(derived.Replace(":", string.Empty, StringComparison.Ordinal), KnownAnswer.DerivedKey, StringComparison.OrdinalIgnoreCase))
            {
                Console.Error.WriteLine($"openssl derived {derived}, expected {KnownAnswer.DerivedKey}");
                return 1;
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {round + 1}: kiriwake {ours[^1]:F3} s, openssl kdf {openssl[^1]:F3} s"));
        }

        double ratio = ours.Min() / openssl.Min();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"best: kiriwake {ours.Min():F3} s, openssl {openssl.Min():F3} s, ratio {ratio:F3} (target ≤ 1.1)"));
        return ratio <= 1.1 ? 0 : 1;
    }

    /// <summary>Runs <c>openssl kdf -keylen 32 -kdfopt digest:D -kdfopt pass:P -kdfopt salt:hex:00… -kdfopt iter:N PBKDF2</c>.</summary>
    private static string OpensslKdf(string digest, string pass, int iterations)
    {
        var start = new ProcessStartInfo("openssl",
        [
            "kdf", "-keylen", "32", "-kdfopt", "digest:" + digest, "-kdfopt", pass.StartsWith("hex:", StringComparison.Ordinal) ? "hexpass:" + pass[4..] : "pass:" + pass,
            "-kdfopt", "hexsalt:" + new string('0', 40), "-kdfopt", "iter:" + iterations.ToString(CultureInfo.InvariantCulture), "PBKDF2",
        ])
        { RedirectStandardOutput = true };
        using var process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return output;
    }
}
