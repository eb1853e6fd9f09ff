namespace Consortium.Grains.Courses;

/// <summary>An enrolment and its connect link's token (<c>{id}.{secret}</c>); <see cref="Created"/> is false for a known sign-up.</summary>
[GenerateSerializer, Immutable]
public sealed record EnrolmentCreated(
    [property: Id(0)] EnrolmentView View,
    [property: Id(1)] string Token,
    [property: Id(2)] bool Created)
{
    public override string ToString() => $"EnrolmentCreated {{ Id = {View.Id}, Created = {Created} }}";
}
