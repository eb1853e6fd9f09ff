namespace Consortium.Grains.Launch;

/// <summary>The review cannot move this way now (incomplete, not submitted); the message says what is missing.</summary>
[GenerateSerializer, Alias("LaunchReviewRefusedException")]
public sealed class LaunchReviewRefusedException(string message) : Exception(message);
