using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace Consortium.Portal.Tests.Deploy;

/// <summary>deploy/'s files read as the tools that use them read them: Kubernetes manifests as documents (every scalar a
/// string), Dockerfiles' instructions, environment files' keys.</summary>
public static partial class DeployFiles
{
    public static string KubernetesFolder => RepositoryFiles.PathOf("deploy/kubernetes");

    /// <summary>Every document of every manifest in deploy/kubernetes, with the file it is in.</summary>
    public static IReadOnlyList<(string File, JsonObject Document)> Manifests { get; } = LoadManifests();

    public static JsonObject Single(string kind, string name) =>
        Manifests.Single(m => (string?)m.Document["kind"] == kind && (string?)m.Document["metadata"]?["name"] == name).Document;

    public static IEnumerable<JsonObject> OfKind(params string[] kinds) =>
        Manifests.Where(m => kinds.Contains((string?)m.Document["kind"])).Select(m => m.Document);

    /// <summary>The containers of a Deployment's or Job's pod template.</summary>
    public static IEnumerable<JsonObject> Containers(JsonObject workload) =>
        workload["spec"]!["template"]!["spec"]!["containers"]!.AsArray().Select(c => c!.AsObject());

    /// <summary>A container's environment: each variable's literal value (null for one taken from elsewhere) and its source.</summary>
    public static IEnumerable<(string Name, string? Value, JsonObject? From)> Environment(JsonObject container) =>
        container["env"]?.AsArray().Select(e => ((string)e!["name"]!, (string?)e["value"], e["valueFrom"]?.AsObject())) ?? [];

    /// <summary>The keys of a KEY=value file (deploy/systemd/*.env.example), without comments.</summary>
    public static IEnumerable<string> EnvironmentFileKeys(string path) =>
        File.ReadLines(path).Where(line => line.Length > 0 && !line.StartsWith('#')).Select(line => line[..line.IndexOf('=')]);

    /// <summary>The port in a Dockerfile's <c>ENV Urls=http://+:PORT</c>.</summary>
    public static int DockerfileHttpPort(string dockerfile) => int.Parse(UrlsPort().Match(File.ReadAllText(dockerfile)).Groups[1].Value);

    private static List<(string, JsonObject)> LoadManifests()
    {
        var deserializer = new DeserializerBuilder().Build();
        var json = new SerializerBuilder().JsonCompatible().Build();
        var manifests = new List<(string, JsonObject)>();
        foreach (var file in Directory.GetFiles(KubernetesFolder, "*.yaml").Order())
        {
            using var reader = File.OpenText(file);
            var parser = new Parser(reader);
            parser.Consume<StreamStart>();
            while (parser.Accept<DocumentStart>(out _))
            {
                if (deserializer.Deserialize<object?>(parser) is { } document)
                {
                    manifests.Add((Path.GetFileName(file), JsonNode.Parse(json.Serialize(document))!.AsObject()));
                }
            }
        }
        return manifests;
    }

    [GeneratedRegex(@"Urls=http://\+:(\d+)")]
    private static partial Regex UrlsPort();
}
