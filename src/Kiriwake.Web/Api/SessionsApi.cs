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
    }

    /// <summary>Starts a session from a symptom id, an error code or pasted text.</summary>
    private static async Task<Results<Created<SessionObject>, ProblemHttpResult>> CreateAsync(
        [FromBody] StartRequest request, SessionService sessions, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            return Problem("A JSON body is required.");
        }

        var language = Names.ParseLanguage(request.Lang);
        if (request.Lang is not null && language is null)
        {
            return Problem($"lang must be \"ja\" or \"en\", not \"{request.Lang}\".");
        }

        if (request.Family is not null && Names.ParseFamily(request.Family) is null)
        {
            return Problem($"Unknown family \"{request.Family}\"; it is one of {string.Join(", ", Enum.GetValues<ButtonFamily>().Select(Names.Family))}.");
        }

        if (request.Platform is not null && Names.ParsePlatform(request.Platform) is null)
        {
            return Problem($"Unknown platform \"{request.Platform}\"; it is one of ios, windows-itunes, windows-apple-devices, macos-finder.");
        }

        if (request.Text is { Length: > 0 } text && text.Length > TextLimits.MaxPastedChars)
        {
            return Problem($"text is longer than {TextLimits.MaxPastedChars} characters.", StatusCodes.Status413PayloadTooLarge);
        }

        try
        {
            var lang = language ?? Language.Ja;
            var conversation = await sessions.StartAsync(request, lang, cancellationToken);
            var body = SessionObject.From(conversation, sessions.Presenter(conversation, lang), lang);
            return TypedResults.Created($"/api/sessions/{body.Id}", body);
        }
        catch (StartRejectedException e)
        {
            return Problem(e.Message);
        }
    }

    private static async Task<Results<Ok<SessionObject>, NotFound<ProblemDetails>>> GetAsync(string id, SessionService sessions, CancellationToken cancellationToken)
    {
        var conversation = await sessions.LoadAsync(id, cancellationToken);
        if (conversation is null)
        {
            return NotFoundProblem(id);
        }

        var lang = Names.ParseLanguage(conversation.Row.Language) ?? Language.Ja;
        return TypedResults.Ok(SessionObject.From(conversation, sessions.Presenter(conversation, lang), lang));
    }

    /// <summary>Answers the current step; 400 when the step is not current or the answer not offered.</summary>
    private static async Task<Results<Ok<SessionObject>, NotFound<ProblemDetails>, ProblemHttpResult>> AnswerAsync(
        string id, [FromBody] AnswerRequest request, SessionService sessions, CancellationToken cancellationToken)
    {
        if (request is null || string.IsNullOrEmpty(request.StepId) || request.Answer is null)
        {
            return Problem("The body must be {\"stepId\": \"…\", \"answer\": \"…\"}.");
        }

        var conversation = await sessions.LoadAsync(id, cancellationToken);
        if (conversation is null)
        {
            return NotFoundProblem(id);
        }

        return await ChangeAsync(conversation, sessions, c => sessions.AnswerAsync(c, request.StepId, request.Answer, cancellationToken));
    }

    private static async Task<Results<Ok<SessionObject>, NotFound<ProblemDetails>, ProblemHttpResult>> UndoAsync(
        string id, SessionService sessions, CancellationToken cancellationToken)
    {
        var conversation = await sessions.LoadAsync(id, cancellationToken);
        if (conversation is null)
        {
            return NotFoundProblem(id);
        }

        return await ChangeAsync(conversation, sessions, c => sessions.UndoAsync(c, cancellationToken));
    }

    private static async Task<Results<Ok<SessionObject>, NotFound<ProblemDetails>, ProblemHttpResult>> ChangeAsync(
        Conversation conversation, SessionService sessions, Func<Conversation, Task<Conversation>> change)
    {
        var lang = Names.ParseLanguage(conversation.Row.Language) ?? Language.Ja;
        try
        {
            var next = await change(conversation);
            return TypedResults.Ok(SessionObject.From(next, sessions.Presenter(next, lang), lang));
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
