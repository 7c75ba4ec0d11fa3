using System.Text;
using Kiriwake.Evidence.Plist;
using Kiriwake.Tests;

namespace Kiriwake.Evidence.Tests.Plist;

public class XmlPlistReaderTests
{
    private const string Header = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
        """;

    [SharedFact]
    public void Read_SampleInfoPlist_ReadsXml()
    {
        var bytes = File.ReadAllBytes(Path.Combine(RepoPaths.Samples, "ios-backup-browser", "sample_backup", "Info.plist"));

        var dict = PlistReader.ReadDict(bytes);

        Assert.Equal(42, dict.GetInteger("count"));
        Assert.Equal("bar", dict.GetString("foo"));
    }

    [Fact]
    public void Read_IdeviceinfoStyleDocument_ReadsEveryType()
    {
        var xml = Header + """
            <plist version="1.0">
            <dict>
            	<key>DeviceName</key><string>太郎の iPhone &amp; co</string>
            	<key>TotalDiskCapacity</key><integer>127989493760</integer>
            	<key>Negative</key><integer>-3</integer>
            	<key>Ratio</key><real>0.25</real>
            	<key>Yes</key><true/>
            	<key>No</key><false/>
            	<key>When</key><date>2021-12-03T19:33:13Z</date>
            	<key>Blob</key><data>
            	AQID
            	</data>
            	<key>Empty</key><array/>
            	<key>Ref</key><dict><key>CF$UID</key><integer>7</integer></dict>
            	<key>Nested</key><array><dict/><string></string></array>
            </dict>
            </plist>
            """;

        var dict = PlistReader.ReadDict(Encoding.UTF8.GetBytes(xml));

        Assert.Equal("太郎の iPhone & co", dict.GetString("DeviceName"));
        Assert.Equal(127989493760, dict.GetInteger("TotalDiskCapacity"));
        Assert.Equal(-3, dict.GetInteger("Negative"));
        Assert.Equal(0.25, Assert.IsType<PlistReal>(dict["Ratio"]).Value);
        Assert.True(dict.GetBool("Yes"));
        Assert.False(dict.GetBool("No"));
        Assert.Equal(new DateTimeOffset(2021, 12, 3, 19, 33, 13, TimeSpan.Zero), dict.GetDate("When"));
        Assert.Equal(new byte[] { 1, 2, 3 }, dict.GetData("Blob")!.Value.ToArray());
        Assert.Empty(dict.GetArray("Empty")!.Items);
        Assert.Equal(new PlistUid(7), dict["Ref"]);
        Assert.Equal(2, dict.GetArray("Nested")!.Items.Count);
    }

    [Theory]
    [InlineData("empty", "")]
    [InlineData("not xml", "hello")]
    [InlineData("unclosed", "<plist><dict><key>a</key>")]
    [InlineData("wrong root", "<html></html>")]
    [InlineData("two values", "<plist><true/><false/></plist>")]
    [InlineData("value without key", "<plist><dict><string>x</string></dict></plist>")]
    [InlineData("duplicate key", "<plist><dict><key>a</key><true/><key>a</key><false/></dict></plist>")]
    [InlineData("bad integer", "<plist><integer>12x</integer></plist>")]
    [InlineData("integer overflow", "<plist><integer>99999999999999999999</integer></plist>")]
    [InlineData("bad date", "<plist><date>yesterday</date></plist>")]
    [InlineData("bad base64", "<plist><data>***</data></plist>")]
    [InlineData("unknown element", "<plist><set/></plist>")]
    [InlineData("element inside string", "<plist><string>a<b/></string></plist>")]
    [InlineData("external entity", "<!DOCTYPE plist [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><plist><string>&x;</string></plist>")]
    public void Read_MalformedXml_ThrowsPlistFormatException(string why, string xml)
    {
        var e = Record.Exception(() => PlistReader.Read(Encoding.UTF8.GetBytes(xml)));

        Assert.True(e is PlistFormatException, $"{why}: got {e?.GetType().Name ?? "no exception"}");
    }

    [Fact]
    public void Read_DeeplyNestedXml_ThrowsPlistFormatException()
    {
        var xml = "<plist>" + string.Concat(Enumerable.Repeat("<array>", 500)) + string.Concat(Enumerable.Repeat("</array>", 500)) + "</plist>";

        Assert.Throws<PlistFormatException>(() => PlistReader.Read(Encoding.UTF8.GetBytes(xml)));
    }

    [Fact]
    public void ReadFile_LargerThanLimit_ThrowsPlistFormatException()
    {
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, new byte[2048]);

            Assert.Throws<PlistFormatException>(() => PlistReader.ReadFile(path, maxBytes: 1024));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
