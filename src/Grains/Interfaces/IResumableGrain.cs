namespace Consortium.Grains.Interfaces;

/// <summary>
/// A grain that keeps a reminder while it has pending work, so it resumes after a restart. When a silo dies, the survivors
/// call <see cref="WakeAsync"/> on each such grain holding a reminder (the silo's ResumeAfterSiloDeath), so its work resumes
/// within seconds instead of waiting for the reminder's period.
/// </summary>
[Alias("IResumableGrain")]
public interface IResumableGrain : IGrainWithStringKey
{
    /// <summary>Activates the grain, which resumes its pending work at once; an active one brings forward work that waits to be
    /// retried after a failed grain call, since the likeliest cause of those failures, a dying silo, is now settled. Idempotent
    /// and cheap.</summary>
    [Alias("Wake")]
    Task WakeAsync();
}
