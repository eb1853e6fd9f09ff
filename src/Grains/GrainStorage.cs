namespace Consortium.Grains;

/// <summary>The storage provider every grain's persistent state is kept in (configured by the silo).</summary>
public static class GrainStorage
{
    public const string Name = "consortium";
}
