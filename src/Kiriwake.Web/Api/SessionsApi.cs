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
        api.MapPost("/", CreateAsync).RequireRateLimiting(RateLimits.SessionCreation).WithName("CreateSession").DisableAntiforgery()
            .Produces<SessionObject>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/{id}", GetAsync).WithName("GetSession")
            .Produces<SessionObject>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/{id}/answers", AnswerAsync).WithName("AnswerStep").DisableAntiforgery()
            .Produces<SessionObject>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/{id}/undo", UndoAsync).WithName("UndoAnswer").DisableAntiforgery()
            .Produces<SessionObject>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/{id}/report", ReportAsync).WithName("SessionReport");
    }

    /// <summary>Starts a session from a symptom id, an error code or pasted text.</summary>
    private static async Task<IResult> CreateAsync(
        [FromBody] StartRequest request, SessionService sessions, SessionObjects objects, CancellationToken cancellationToken)
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
            return objects.Send(session, StatusCodes.Status201Created, $"/api/sessions/{session.Id}");
        }
        catch (StartRejectedException e)
        {
            return Problem(e.Message);
        }
    }

    /// <summary>
    /// The session as it stands. An unchanged session is answered from the object kept for its stored version (one
    /// indexed read); "Cache-Control: no-cache" asks for a replay of its log (Server-Timing then says what deciding took).
    /// </summary>
    private static async Task<IResult> GetAsync(string id, SessionService sessions, SessionStore store, SessionObjects objects, KnowledgeModels models, HttpContext context, CancellationToken cancellationToken)
    {
        if (!context.Request.Headers.CacheControl.ToString().Contains("no-cache", StringComparison.OrdinalIgnoreCase))
        {
            var version = await store.VersionAsync(id, cancellationToken);
            if (version is null)
            {
                return NotFoundProblem(id);
            }

            if (objects.Kept(id, version.EventCount, models) is { } kept)
            {
                context.Response.Headers["Server-Timing"] = "cache;desc=hit";
                return kept;
            }
        }

        var session = await sessions.LoadAsync(id, null, cancellationToken);
        if (session is null)
        {
            return NotFoundProblem(id);
        }

        context.Response.Headers["Server-Timing"] = "decide;dur=" + session.DecideTime.TotalMilliseconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
        return objects.Send(session);
    }

    /// <summary>Answers the current step; 400 when the step is not current or the answer not offered.</summary>
    private static async Task<IResult> AnswerAsync(
        string id, [FromBody] AnswerRequest request, SessionService sessions, SessionObjects objects, CancellationToken cancellationToken)
    {
        if (request is null || string.IsNullOrEmpty(request.StepId) || request.Answer is null)
        {
            return Problem("The body must be {\"stepId\": \"…\", \"answer\": \"…\"}.");
        }

        if (await FromKeptRowAsync(id, sessions, objects, session => sessions.AnswerAsync(session, request.StepId, request.Answer, cancellationToken)) is { } done)
        {
            return done;
        }

        var session = await sessions.LoadAsync(id, null, cancellationToken);
        if (session is null)
        {
            return NotFoundProblem(id);
        }

        return await ChangeAsync(objects, () => sessions.AnswerAsync(session, request.StepId, request.Answer, cancellationToken));
    }

    private static async Task<IResult> UndoAsync(
        string id, SessionService sessions, SessionObjects objects, CancellationToken cancellationToken)
    {
        if (await FromKeptRowAsync(id, sessions, objects, session => sessions.UndoAsync(session, cancellationToken)) is { } done)
        {
            return done;
        }

        var session = await sessions.LoadAsync(id, null, cancellationToken);
        if (session is null)
        {
            return NotFoundProblem(id);
        }

        return await ChangeAsync(objects, () => sessions.UndoAsync(session, cancellationToken));
    }

    /// <summary>
    /// A change made from the row this process last read or wrote for the session, without reading the store first.
    /// The row may be behind the store (another process or request changed the session since): the store refuses a
    /// write that does not name the current version, and then — or when the change is not accepted on the kept row —
    /// the caller reads the store and works the change out again (null), so a kept row never decides an answer.
    /// </summary>
    private static async Task<IResult?> FromKeptRowAsync(string id, SessionService sessions, SessionObjects objects, Func<WebSession, Task<WebSession>> change)
    {
        if (objects.KeptRow(id) is not { } row || sessions.ResumeKept(row, null) is not { } session)
        {
            return null;
        }

        try
        {
            return objects.Send(await change(session));
        }
        catch (AnswerRejectedException)
        {
            return null;
        }
        catch (SessionConflictException)
        {
            return null;
        }
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

    private static async Task<IResult> ChangeAsync(SessionObjects objects, Func<Task<WebSession>> change)
    {
        try
        {
            return objects.Send(await change());
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
