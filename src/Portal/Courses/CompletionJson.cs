using System.Globalization;
using System.Text.Json;
using Consortium.Grains.Common;
using Consortium.Grains.Courses;

namespace Consortium.Portal.Courses;

/// <summary>
/// The completion shapes the webhook takes. Generic: <c>{"course": {"id", "name"}, "learner": {"email", "givenNames", "familyNames",
/// "lmsUserId"}, "completedAt", "templateId"?, "externalId"?}</c>. Moodle: the <c>\core\event\course_completed</c> event's data as
/// Moodle's webhook plugins send it (<c>eventname</c>, <c>courseid</c>, <c>relateduserid</c>: the learner, <c>timecreated</c>:
/// Unix seconds); Moodle's ids may come as numbers or strings.
/// </summary>
public static class CompletionJson
{
    public const string MoodleCourseCompleted = "\\core\\event\\course_completed";

    /// <returns>The completion, or null for another Moodle event (which is not for us, and answered as ignored).</returns>
    /// <exception cref="InvalidFieldException">A field is missing or malformed.</exception>
    public static Completion? Parse(JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidFieldException("body", "Send a JSON object: a completion, or a Moodle event.");
        }
        if (Text(json, "eventname") is { } eventName)
        {
            return eventName == MoodleCourseCompleted ? Moodle(json) : null;
        }
        var course = json.TryGetProperty("course", out var c) && c.ValueKind == JsonValueKind.Object
            ? new Course(Text(c, "id") ?? "", Text(c, "name"))
            : throw new InvalidFieldException("course", "Give the course: its id and name.");
        var learner = json.TryGetProperty("learner", out var l) && l.ValueKind == JsonValueKind.Object
            ? new Learner(Text(l, "email"), Text(l, "givenNames"), Text(l, "familyNames"), Text(l, "lmsUserId"))
            : throw new InvalidFieldException("learner", "Give the learner: email, names and the platform's user id.");
        return new Completion(course.Validated("course"), learner.Validated("learner"), CompletionDate.Parse("completedAt", Text(json, "completedAt")),
            Text(json, "templateId"), Text(json, "externalId"));
    }

    private static Completion Moodle(JsonElement json)
    {
        var course = new Course(Text(json, "courseid") ?? throw new InvalidFieldException("courseid", "The Moodle event has no courseid."), null);
        var learner = new Learner(null, null, null,
            Text(json, "relateduserid") ?? throw new InvalidFieldException("relateduserid", "The Moodle event has no relateduserid (the learner)."));
        DateOnly? completed = json.TryGetProperty("timecreated", out var at) && at.ValueKind == JsonValueKind.Number && at.TryGetInt64(out var seconds)
            ? DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime)
            : null;
        return new Completion(course.Validated("course"), learner.Validated("learner"), completed);
    }

    private static string? Text(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString() is { Length: > 0 } text ? text : null,
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.Null => null,
            _ => throw new InvalidFieldException(name, $"'{name}' must be text or a number."),
        } : null;
}
