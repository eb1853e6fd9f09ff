namespace Consortium.Grains.Courses;

/// <summary>Why a course platform's signed call is refused; the Portal answers each with its own status and words.</summary>
public enum HookRefusal
{
    /// <summary>The organisation has not generated a webhook secret yet.</summary>
    NoSecret,
    /// <summary>The signature is missing or does not match the body and timestamp.</summary>
    BadSignature,
    /// <summary>The timestamp is outside the replay window.</summary>
    Stale,
    /// <summary>This signed call was received before.</summary>
    Replayed,
}
