namespace Consortium.Grains.Courses;

/// <summary>A claim and its link's token (<c>{handle}.{secret}</c>). <see cref="Created"/> is false when the external id named
/// an existing claim: the same claim and link are answered again.</summary>
[GenerateSerializer, Immutable]
public sealed record ClaimCreated(
    [property: Id(0)] ClaimView View,
    [property: Id(1)] string Token,
    [property: Id(2)] bool Created)
{
    public override string ToString() => $"ClaimCreated {{ Id = {View.Id}, Created = {Created} }}";
}
