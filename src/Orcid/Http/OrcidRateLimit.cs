namespace Consortium.Orcid.Http;

/// <summary>One ORCID bucket's size: requests a second it refills with, and the burst it holds when full.</summary>
public readonly record struct OrcidRateLimit(int PerSecond, int Burst);
