using System.Text.Json;
using Kiriwake.Core.Conversation;
using Kiriwake.Web.Diagnosis;
using Kiriwake.Web.Store;
using Microsoft.Extensions.Options;

namespace Kiriwake.Web.Api;

/// <summary>
/// Sends the API's session object, serialised once: what is sent is also kept (<see cref="SessionObjectCache"/>)
/// for the stored version it was made from, so the next read of an unchanged session sends the same bytes.
/// </summary>
public sealed class SessionObjects(SessionObjectCache cache, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
{
    private readonly JsonSerializerOptions _options = json.Value.SerializerOptions;

    /// <summary>The object kept for this version of the session worked out with these models, ready to send; null when none is kept.</summary>
    public IResult? Kept(string id, int version, KnowledgeModels models) => cache.Get(id, version, models) is { } bytes ? new JsonBytesResult(bytes, StatusCodes.Status200OK, null) : null;

    /// <summary>The stored row of the session as this process last read or wrote it (it may be behind the store), or null.</summary>
    public SessionRow? KeptRow(string id) => cache.GetRow(id);

    /// <summary>The session object of a session just read or changed (in the language it was started in), kept and sent.</summary>
    public IResult Send(WebSession session, int status = StatusCodes.Status200OK, string? location = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(SessionObject.From(session), _options);
        if (session.Conversation.Language == SessionService.LanguageOf(session.Row))
        {
            cache.Put(session.Id, session.Row.EventCount, session.Conversation.Models, bytes, session.Row);
        }

        return new JsonBytesResult(bytes, status, location);
    }

    private sealed class JsonBytesResult(byte[] json, int status, string? location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            ArgumentNullException.ThrowIfNull(httpContext);
            var response = httpContext.Response;
            response.StatusCode = status;
            response.ContentType = "application/json; charset=utf-8";
            response.ContentLength = json.Length;
            if (location is not null)
            {
                response.Headers.Location = location;
            }

            return response.Body.WriteAsync(json, httpContext.RequestAborted).AsTask();
        }
    }
}
