using Consortium.Grains.Courses;

namespace Consortium.Grains.Interfaces;

/// <summary>A tenant's course platform webhook: its secret, the course → template mapping, and the calls already received.
/// Key: <see cref="CourseHooksGrain.KeyFor"/>.</summary>
[Alias("ICourseHooksGrain")]
public interface ICourseHooksGrain : IGrainWithStringKey
{
    /// <summary>Makes a new secret, replacing the old one at once.</summary>
    /// <returns>The secret, in plain text this once.</returns>
    [Alias("RotateSecret")]
    Task<string> RotateSecretAsync();

    [Alias("GetSettings")]
    Task<CourseHooksSettings> GetSettingsAsync();

    /// <exception cref="Common.InvalidFieldException">The course id is malformed.</exception>
    [Alias("MapCourse")]
    Task<CourseHooksSettings> MapCourseAsync(string courseId, string? templateId);

    /// <summary>Checks a call's signature (HMAC-SHA256 with the secret over <c>{timestamp}.{body}</c>), its timestamp against the
    /// replay window, and that it was not received before; remembers it.</summary>
    /// <exception cref="HookRefusedException">The call is refused, saying why.</exception>
    [Alias("Verify")]
    Task VerifyAsync(long timestamp, string? signature, byte[] body);
}
