using System.Globalization;
using Kiriwake.Core.Actions;
using Kiriwake.Core.Conversation;
using Kiriwake.Core.Facts;
using Kiriwake.Core.Knowledge;
using Kiriwake.Evidence.DeviceTools;
using Kiriwake.Web.Diagnosis;
using Kiriwake.Web.Hosting;
using Kiriwake.Web.Local;
using Kiriwake.Web.Store;

namespace Kiriwake.Web.Pages;

/// <summary>What local mode adds to a session's pages: the connected device answers the model question, and a
/// step the tool can do on the device is offered to be done.</summary>
public static class LocalSessionHooks
{
    /// <summary>When the session asks for the model and a device is connected, its model answers (recorded as the device's facts).</summary>
    public static async Task<(WebSession Session, string? Notice)> AnswerModelFromDeviceAsync(WebSession session, HttpContext context, Language language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(context);
        if (session.Prompt is not DevicePrompt)
        {
            return (session, null);
        }

        var services = context.RequestServices;
        var facts = await LocalDevicePresence.AnyListedAsync(services, cancellationToken) ? await ReadAsync(services, cancellationToken) : null;
        if (facts?.Facts.Any(f => f.Key == FactKeys.DeviceButtonFamily) != true)
        {
            return (session, null);
        }

        try
        {
            var updated = await services.GetRequiredService<SessionService>().AddEvidenceAsync(session, facts.Facts, cancellationToken);
            var model = facts.Model?.Name ?? facts.Model?.ProductType ?? "";
            return (updated, string.Format(CultureInfo.InvariantCulture, LocalText.ModelFromDevice.Get(language), model));
        }
        catch (SessionConflictException)
        {
            return (session, null);
        }
    }

    /// <summary>The device read once; null when the tools cannot be run.</summary>
    public static async Task<DeviceFacts?> ReadAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        try
        {
            return await DeviceFactsReader.ReadAsync(services.GetRequiredService<SessionService>().Knowledge, new DeviceProbeOptions(),
                services.GetRequiredService<KiriwakeWebOptions>().ToolsDirectory, services.GetRequiredService<TimeProvider>(), cancellationToken);
        }
        catch (Exception e) when (e is IOException or System.ComponentModel.Win32Exception or InvalidOperationException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>On a step the tool can do (make a verified backup, recovery mode): the offer, and a way to read the device's facts.</summary>
    public static async Task<string?> StepExtrasAsync(WebSession session, HttpContext context, Language language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(context);
        if (session.Prompt is not StepPrompt step)
        {
            return null;
        }

        var html = new Html();
        if (context.RequestServices.GetRequiredService<IDeviceActions>().ForStep(step.View.StepId) is { } action)
        {
            await DeviceActionPages.WriteOfferAsync(html, context, session.Id, action, language, cancellationToken);
        }

        html.Raw($"<p class=\"help\"><a href=\"/local/device?session={Html.Url(session.Id)}\" id=\"read-device\">").Text(LocalText.ReadDevice.Get(language)).Raw("</a></p>");
        return html.ToString();
    }
}
