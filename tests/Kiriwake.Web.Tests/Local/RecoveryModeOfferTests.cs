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
        // (No 4013 or hardware path reaches a recovery-mode step before it ends when every step is "not fixed": the
        // step page's offer is the same writer as the gate's; here the action is started as that offer's form does.)
        var id = await local.SessionAtGateAsync();
        var page = await local.Client.GetStringAsync($"/s/{id}");
        var started = await local.Client.PostAsync($"/s/{id}/device/enter-recovery", new FormUrlEncodedContent(new Dictionary<string, string> { ["__af"] = LocalDeviceSetup.Token(page) }));
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var result = await local.WaitForResultAsync(started.Headers.Location!.OriginalString);

        Assert.Contains("デバイスはリカバリモードになりました。", result, StringComparison.Ordinal);
        Assert.Contains("id=\"device-leave-recovery\"", result, StringComparison.Ordinal);
        var facts = (await local.ReportAsync(id)).GetProperty("facts");
        Assert.Equal("recovery", facts.GetProperty("device.connection").GetString());
    }
}
