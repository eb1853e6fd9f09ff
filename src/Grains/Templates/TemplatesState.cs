namespace Consortium.Grains.Templates;

[GenerateSerializer, Alias("TemplatesState")]
public sealed record TemplatesState
{
    [Id(0)] public Dictionary<string, QualificationTemplate> Templates { get; init; } = new(StringComparer.Ordinal);
}
