using Kiriwake.Evidence.Plist;
using Kiriwake.Tests;

namespace Kiriwake.Evidence.Tests.Plist;

/// <summary>Seeded mutations of real plists: the reader may only throw its own format exception.</summary>
public class PlistFuzzTests
{
    public static TheoryData<string> Seeds => new()
    {
        "mvt/ios_backup/Info.plist",
        "ios-backup-browser/sample_backup/Status.plist",
        "ios-backup-browser/sample_backup/Info.plist",
    };

    [SharedTheory]
    [MemberData(nameof(Seeds))]
    public void Read_MutatedSamples_ThrowsNothingButPlistFormatException(string sample)
    {
        var original = File.ReadAllBytes(Path.Combine(RepoPaths.Samples, sample));
        var random = new Random(4242);
        for (int round = 0; round < 1500; round++)
        {
            var mutated = PlistMutator.Mutate(original, random);
            try
            {
                PlistReader.Read(mutated);
            }
            catch (PlistFormatException)
            {
                // The only allowed failure.
            }
            catch (Exception e)
            {
                Assert.Fail($"{sample} round {round}: {e.GetType().Name}: {e.Message}\n{Convert.ToHexString(mutated)}");
            }
        }
    }
}
