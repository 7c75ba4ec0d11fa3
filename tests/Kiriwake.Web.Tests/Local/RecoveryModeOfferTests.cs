using System.Net;
using Kiriwake.Evidence.Tests.Support;
using Kiriwake.Web.Tests.Support;

namespace Kiriwake.Web.Tests.Local;

/// <summary>Local mode offers to put the connected device into recovery mode at a step that calls for it, and to leave it afterwards.</summary>
public sealed class RecoveryModeOfferTests
{
    [UnixFact]
    public async Task EnterRecovery_PersonAgrees_DeviceEntersRecoveryAndLeavingIsOffered()
    {
        using var local = new LocalDeviceSetup(FakeBackupTool.Ending.Success);
        local.Tools
            .AddScript("ideviceenterrecovery", LocalDeviceSetup.Udid, $"echo 'Telling device with udid {LocalDeviceSetup.Udid} to enter recovery mode.'; echo 'Device is successfully switching to recovery mode.'")
            .AddScript("irecovery", "-m", "echo 'Recovery Mode'");
        // A 4013 diagnosis whose easier steps did not help reaches "recovery mode, choose Update"; its page offers
        // to switch the connected device into recovery mode.
        var id = await local.SessionAtAsync("recovery-mode-update", new Dictionary<string, string>
        {
            ["q-device-detected"] = "yes", ["q-same-on-other-computer"] = "not-tried", ["q-computer-app-up-to-date"] = "yes", ["q-security-software-installed"] = "no",
        });
        var page = await local.Client.GetStringAsync($"/s/{id}");
        Assert.Contains("id=\"device-enter-recovery\"", page, StringComparison.Ordinal);
        var started = await local.Client.PostAsync($"/s/{id}/device/enter-recovery", new FormUrlEncodedContent(new Dictionary<string, string> { ["__af"] = LocalDeviceSetup.Token(page) }));
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var result = await local.WaitForResultAsync(started.Headers.Location!.OriginalString);

        Assert.Contains("デバイスはリカバリモードになりました。", result, StringComparison.Ordinal);
        Assert.Contains("id=\"device-leave-recovery\"", result, StringComparison.Ordinal);
        var facts = (await local.ReportAsync(id)).GetProperty("facts");
        Assert.Equal("recovery", facts.GetProperty("device.connection").GetString());
    }
}
