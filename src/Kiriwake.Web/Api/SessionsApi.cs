using Kiriwake.Core.Conversation;
using Kiriwake.Core.Knowledge;
using Kiriwake.Web.Diagnosis;
using Kiriwake.Web.Hosting;
using Kiriwake.Web.Store;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Kiriwake.Web.Api;

/// <summary>The JSON API for integrations: sessions, answers, undo and the report.</summary>
public static class SessionsApi
{
    public static void MapSessionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/sessions").WithTags("sessions");
        api.MapPost("/", CreateAsync).RequireRateLimiting(RateLimits.SessionCreation).WithName("CreateSession").DisableAntiforgery();
        api.MapGet("/{id}", GetAsync).WithName("GetSession");
        api.MapPost("/{id}/answers", AnswerAsync).WithName("AnswerStep").DisableAntiforgery();
        api.MapPost("/{id}/undo", UndoAsync).WithName("UndoAnswer").DisableAntiforgery();
        api.MapGet("/{id}/report", ReportAsync).WithName("SessionReport");
    }

    /// <summary>Starts a session from a symptom id, an error code or pasted text.</summary>
    private static async Task<Results<Created<SessionObject>, ProblemHttpResult>> CreateAsync(
        [FromBody] StartRequest request, SessionService sessions, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            return Problem("A JSON body is required.");
        }

        var language = SessionService.ParseLanguage(request.Lang);
        if (request.Lang is not null && language is null)
        {
            return Problem($"lang must be \"ja\" or \"en\", not \"{request.Lang}\".");
        }

        if (request.Family is not null && KebabNames.ParseFamily(request.Family) is null)
        {
            return Problem($"Unknown family \"{request.Family}\"; it is one of {string.Join(", ", Enum.GetValues<ButtonFamily>().Select(f => KebabNames.Of(f)))}.");
        }

        if (request.Platform is not null && KebabNames.ParsePlatform(request.Platform) is null)
        {
            return Problem($"Unknown platform \"{request.Platform}\"; it is one of {string.Join(", ", ConversationOptions.AllComputerPlatforms.Select(p => KebabNames.Of(p)))}.");
        }

        if (request.Text is { Length: > TextLimits.MaxPastedChars })
        {
            return Problem($"text is longer than {TextLimits.MaxPastedChars} characters.", StatusCodes.Status413PayloadTooLarge);
        }

        try
        {
            var session = await sessions.StartAsync(request, language ?? Language.Ja, cancellationToken);
            return TypedResults.Created($"/api/sessions/{session.Id}", SessionObject.From(session));
        }
        catch (StartRejectedException e)
        {
            return Problem(e.Message);
        }
    }

    private static async Task<Results<Ok<SessionObject>, NotFound<ProblemDetails>>> GetAsync(string id, SessionService sessions, HttpContext context, CancellationToken cancellationToken)
    {
        var session = await sessions.LoadAsync(id, null, cancellationToken);
        if (session is null)
        {
            return NotFoundProblem(id);
        }

        context.Response.Headers["Server-Timing"] = "decide;dur=" + session.DecideTime.TotalMilliseconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Ok(SessionObject.From(session));
    }

    /// <summary>Answers the current step; 400 when the step is not current or the answer not offered.</summary>
    private static async Task<Results<Ok<SessionObject>, NotFound<ProblemDetails>, ProblemHttpResult>> AnswerAsync(
        string id, [FromBody] AnswerRequest request, SessionService sessions, CancellationToken cancellationToken)
    {
        if (request is null || string.IsNullOrEmpty(request.StepId) || request.Answer is null)
        {
            return Problem("The body must be {\"stepId\": \"…\", \"answer\": \"…\"}.");
        }

        var session = await sessions.LoadAsync(id, null, cancellationToken);
        if (session is null)
        {
            return NotFoundProblem(id);
        }

        return await ChangeAsync(() => sessions.AnswerAsync(session, request.StepId, request.Answer, cancellationToken));
    }

    private static async Task<Results<Ok<SessionObject>, NotFound<ProblemDetails>, ProblemHttpResult>> UndoAsync(
        string id, SessionService sessions, CancellationToken cancellationToken)
    {
        var session = await sessions.LoadAsync(id, null, cancellationToken);
        if (session is null)
        {
            return NotFoundProblem(id);
        }

        return await ChangeAsync(() => sessions.UndoAsync(session, cancellationToken));
    }

    /// <summary>The report as `diagnose --format json|md` writes it.</summary>
    private static async Task<IResult> ReportAsync(string id, string? format, string? lang, SessionService sessions, CancellationToken cancellationToken)
    {
        if (format is not (null or "json" or "md" or "markdown"))
        {
            return Problem($"format must be json or md, not \"{format}\".");
        }

        var session = await sessions.LoadAsync(id, SessionService.ParseLanguage(lang), cancellationToken);
        if (session is null)
        {
            return NotFoundProblem(id);
        }

        var report = session.Conversation.Report();
        return format is "md" or "markdown"
            ? TypedResults.Text(DiagnosisReportText.ToText(report, session.Conversation.Language, markdown: true), "text/markdown; charset=utf-8")
            : TypedResults.Json(report, ConversationJson.Options);
    }

    private static async Task<Results<Ok<SessionObject>, NotFound<ProblemDetails>, ProblemHttpResult>> ChangeAsync(Func<Task<WebSession>> change)
    {
        try
        {
            return TypedResults.Ok(SessionObject.From(await change()));
        }
        catch (AnswerRejectedException e)
        {
            return Problem(e.Message);
        }
        catch (SessionConflictException e)
        {
            return Problem(e.Message + " Read the session again and answer its current step.", StatusCodes.Status409Conflict);
        }
    }

    private static ProblemHttpResult Problem(string detail, int status = StatusCodes.Status400BadRequest) =>
        TypedResults.Problem(detail: detail, statusCode: status);

    private static NotFound<ProblemDetails> NotFoundProblem(string id) =>
        TypedResults.NotFound(new ProblemDetails { Status = 404, Title = "Not Found", Detail = $"No session '{id}' (unknown, or expired and deleted)." });
}

/// <summary>The body of POST /api/sessions/{id}/answers.</summary>
public sealed record AnswerRequest(string StepId, string Answer);
