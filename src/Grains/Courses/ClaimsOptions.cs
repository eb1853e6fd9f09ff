using System.ComponentModel.DataAnnotations;

namespace Consortium.Grains.Courses;

/// <summary>Claim links (configuration section <c>Claims</c>).</summary>
public sealed class ClaimsOptions
{
    public const string SectionName = "Claims";

    /// <summary>How long a claim link works before someone claims it; once claimed it stays the claimer's.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "3650.00:00:00", ErrorMessage = "Claims:Validity must be a positive time span of at most 10 years, like 90.00:00:00.")]
    public TimeSpan Validity { get; set; } = TimeSpan.FromDays(90);
}
