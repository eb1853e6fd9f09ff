using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Consortium.Grains.Common;
using Consortium.Grains.Interfaces;
using Microsoft.AspNetCore.DataProtection;

namespace Consortium.Grains.Courses;

/// <summary>
/// A tenant's course platform webhook. A call is signed like <c>X-Consortium-Signature: sha256=&lt;hex HMAC-SHA256 of
/// "{timestamp}.{body}"&gt;</c> with <c>X-Consortium-Timestamp: {unix seconds}</c>, so the timestamp cannot be changed; one older or
/// newer than <see cref="ReplayWindow"/> is refused, and so is one whose signature was seen within it.
/// </summary>
public sealed class CourseHooksGrain(
    [PersistentState("course-hooks", GrainStorage.Name)] IPersistentState<CourseHooksState> state,
    IDataProtectionProvider protection,
    TimeProvider clock) : Grain, ICourseHooksGrain
{
    public static readonly TimeSpan ReplayWindow = TimeSpan.FromMinutes(5);

    public static string KeyFor(string tenantSlug) => "ch:" + tenantSlug;

    private IDataProtector Protector => protection.CreateProtector($"Consortium.CourseHooks.{this.GetPrimaryKeyString()}");

    public async Task<string> RotateSecretAsync()
    {
        var secret = "whsec_" + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        state.State = state.State with { ProtectedSecret = Protector.Protect(secret), SecretCreatedAt = clock.GetUtcNow(), SecretEnding = secret[^4..] };
        await state.WriteStateAsync();
        return secret;
    }

    public Task<CourseHooksSettings> GetSettingsAsync() => Task.FromResult(Settings);

    public async Task<CourseHooksSettings> MapCourseAsync(string courseId, string? templateId)
    {
        var course = Fields.Text("courseId", courseId, Course.MaxLength, "course id");
        var templates = new Dictionary<string, string>(state.State.Templates, StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(templateId))
        {
            templates.Remove(course);
        }
        else
        {
            templates[course] = templateId.Trim();
        }
        state.State = state.State with { Templates = templates };
        await state.WriteStateAsync();
        return Settings;
    }

    public async Task VerifyAsync(long timestamp, string? signature, byte[] body)
    {
        if (state.State.ProtectedSecret is not { } protectedSecret)
        {
            throw new HookRefusedException(HookRefusal.NoSecret);
        }
        var key = Encoding.UTF8.GetBytes(Protector.Unprotect(protectedSecret));
        byte[] signed = [.. Encoding.UTF8.GetBytes($"{timestamp}."), .. body];
        var expected = HMACSHA256.HashData(key, signed);
        var presented = signature?.StartsWith("sha256=", StringComparison.Ordinal) == true ? signature["sha256=".Length..] : "";
        if (presented.Length != expected.Length * 2 || !CryptographicOperations.FixedTimeEquals(expected, FromHex(presented)))
        {
            throw new HookRefusedException(HookRefusal.BadSignature);
        }
        var now = clock.GetUtcNow();
        if ((now - DateTimeOffset.FromUnixTimeSeconds(timestamp)).Duration() > ReplayWindow)
        {
            throw new HookRefusedException(HookRefusal.Stale);
        }
        // Only calls within the window can be replayed, so only they are remembered.
        var seen = state.State.Seen.Where(s => now - s.Value <= ReplayWindow * 2).ToDictionary(StringComparer.Ordinal);
        if (!seen.TryAdd(presented.ToLowerInvariant(), now))
        {
            throw new HookRefusedException(HookRefusal.Replayed);
        }
        state.State = state.State with { Seen = seen };
        await state.WriteStateAsync();
    }

    private CourseHooksSettings Settings =>
        new(state.State.ProtectedSecret is not null, state.State.SecretCreatedAt, state.State.SecretEnding, state.State.Templates);

    private static byte[] FromHex(string hex)
    {
        try
        {
            return Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            return [];
        }
    }
}
