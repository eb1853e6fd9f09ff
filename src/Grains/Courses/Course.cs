using Consortium.Grains.Common;

namespace Consortium.Grains.Courses;

/// <summary>A course on a course platform: the platform's id for it, and its name as learners know it.</summary>
[GenerateSerializer, Immutable, Alias("Course")]
public sealed record Course(
    [property: Id(0)] string Id,
    [property: Id(1)] string? Name)
{
    public const int MaxLength = 200;

    /// <exception cref="InvalidFieldException">A malformed field, named with <paramref name="prefix"/> (<c>course.id</c>).</exception>
    public Course Validated(string prefix) => new(
        Fields.Text($"{prefix}.id", Id, MaxLength, "course id"),
        string.IsNullOrWhiteSpace(Name) ? null : Fields.Text($"{prefix}.name", Name, MaxLength, "course name"));
}
