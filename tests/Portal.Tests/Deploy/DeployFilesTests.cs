using System.Text.Json.Nodes;
using System.Xml.Linq;
using Consortium.Portal.Components;
using Consortium.Silo.Health;
using Consortium.Silo.Hosting;

namespace Consortium.Portal.Tests.Deploy;

/// <summary>
/// deploy/docker, deploy/kubernetes and deploy/systemd against the code they run: probes call paths the hosts map, on the
/// port the image listens on; every variable set is a setting a host reads; images copy every project they build. No
/// Docker engine or Kubernetes API server is at hand here, so the files are checked as files.
/// </summary>
public sealed class DeployFilesTests
{
    private static readonly string SiloAssembly = typeof(OrleansHostingOptions).Assembly.GetName().Name + ".dll";
    private static readonly string PortalAssembly = typeof(App).Assembly.GetName().Name + ".dll";

    [Fact]
    public void EveryVariableTheDeployFilesSetIsASettingTheHostsRead()
    {
        var set = DeployFiles.OfKind("Deployment", "Job").SelectMany(DeployFiles.Containers).SelectMany(DeployFiles.Environment).Select(e => e.Name)
            .Concat(DeployFiles.OfKind("ConfigMap").SelectMany(map => map["data"]!.AsObject().Select(entry => entry.Key)))
            .Concat(DeployFiles.OfKind("Secret").SelectMany(secret => secret["stringData"]!.AsObject().Select(entry => entry.Key)))
            .Concat(Directory.GetFiles(RepositoryFiles.PathOf("deploy/systemd"), "*.env.example").SelectMany(DeployFiles.EnvironmentFileKeys));

        var unknown = set.Distinct().Where(key => !SettingKeys.IsKnown(key)).ToList();

        Assert.Empty(unknown);
    }

    [Theory]
    [InlineData("Orleans__SiloPort", true)]
    [InlineData("Staff__OperatorOrcids__0", true)]
    [InlineData("Staff__Oidc__ClientSecret", true)]
    [InlineData("ForwardedHeaders__KnownNetworks__0", true)]
    [InlineData("Dashboard__Enabled", true)]
    [InlineData("Dashboard__HideTrace", true)]
    [InlineData("Orleans__SiloPrt", false)]
    [InlineData("Staff__OperatorOrcids", false)]
    [InlineData("Dashboard__Password", false)]
    [InlineData("ConnectionStrings__Orleans", false)]
    public void SettingCheckKnowsTheHostsKeysAndNoOthers(string key, bool known)
    {
        Assert.Equal(known, SettingKeys.IsKnown(key));
    }

    [Theory]
    [InlineData("consortium-silo", "Silo.Dockerfile")]
    [InlineData("consortium-portal", "Portal.Dockerfile")]
    public void ProbesCallTheHealthEndpointsOnThePortTheImageListensOn(string deployment, string dockerfile)
    {
        var container = Assert.Single(DeployFiles.Containers(DeployFiles.Single("Deployment", deployment)));
        var port = DeployFiles.DockerfileHttpPort(RepositoryFiles.PathOf($"deploy/docker/{dockerfile}"));

        foreach (var (probe, path) in new[] { ("startupProbe", HealthEndpointExtensions.LivePath), ("livenessProbe", HealthEndpointExtensions.LivePath),
                     ("readinessProbe", HealthEndpointExtensions.ReadyPath) })
        {
            var httpGet = container[probe]!["httpGet"]!;
            Assert.Equal(path, (string?)httpGet["path"]);
            var named = container["ports"]!.AsArray().Single(p => (string?)p!["name"] == (string?)httpGet["port"]);
            Assert.Equal(port.ToString(), (string?)named!["containerPort"]);
        }
    }

    [Fact]
    public void PortalProbesAndIngressNameThePortalsPublicHost()
    {
        var container = Assert.Single(DeployFiles.Containers(DeployFiles.Single("Deployment", "consortium-portal")));
        var publicHost = new Uri(DeployFiles.Environment(container).Single(e => e.Name == "Consortium__PublicBaseUrl").Value!).Host;

        foreach (var probe in new[] { "startupProbe", "livenessProbe", "readinessProbe" })
        {
            var host = container[probe]!["httpGet"]!["httpHeaders"]!.AsArray().Single(h => (string?)h!["name"] == "Host");
            Assert.Equal(publicHost, (string?)host!["value"]);
        }
        var ingress = DeployFiles.Single("Ingress", "consortium-portal");
        Assert.Equal(publicHost, (string?)ingress["spec"]!["rules"]![0]!["host"]);
    }

    [Fact]
    public void SiloPodsCarryTheirClustersOrleansLabelsAndThePodsEnvironment()
    {
        var silo = DeployFiles.Single("Deployment", "consortium-silo");
        var settings = DeployFiles.Single("ConfigMap", "consortium-settings")["data"]!;
        var labels = silo["spec"]!["template"]!["metadata"]!["labels"]!;
        var container = Assert.Single(DeployFiles.Containers(silo));
        var environment = DeployFiles.Environment(container).ToDictionary(e => e.Name);

        Assert.Equal((string?)settings["Orleans__ServiceId"], (string?)labels["orleans/serviceId"]);
        Assert.Equal((string?)settings["Orleans__ClusterId"], (string?)labels["orleans/clusterId"]);
        Assert.Equal(nameof(HostingMode.Cluster), environment["Orleans__Mode"].Value);
        Assert.Equal("true", environment["Orleans__Kubernetes"].Value);
        Assert.Equal("metadata.name", (string?)environment["POD_NAME"].From!["fieldRef"]!["fieldPath"]);
        Assert.Equal("metadata.namespace", (string?)environment["POD_NAMESPACE"].From!["fieldRef"]!["fieldPath"]);
        Assert.Equal("status.podIP", (string?)environment["POD_IP"].From!["fieldRef"]!["fieldPath"]);
        Assert.Contains("consortium-settings", container["envFrom"]!.AsArray().Select(e => (string?)e!["configMapRef"]?["name"]));
    }

    [Fact]
    public void SilosServiceAccountMayGetListWatchAndPatchPods()
    {
        var account = (string?)DeployFiles.Single("Deployment", "consortium-silo")["spec"]!["template"]!["spec"]!["serviceAccountName"];
        var binding = DeployFiles.OfKind("RoleBinding").Single(b => b["subjects"]!.AsArray().Any(s => (string?)s!["name"] == account));
        var role = DeployFiles.Single("Role", (string)binding["roleRef"]!["name"]!);

        Assert.NotNull(DeployFiles.Single("ServiceAccount", account!));
        var rule = Assert.Single(role["rules"]!.AsArray())!;
        Assert.Equal(["pods"], rule["resources"]!.AsArray().Select(r => (string?)r));
        Assert.Equal(["get", "list", "patch", "watch"], rule["verbs"]!.AsArray().Select(v => (string?)v).Order());
    }

    [Fact]
    public void SecretsComeFromTheExampleSecretsKeysWhichHoldNoRealValues()
    {
        var secret = DeployFiles.Single("Secret", "consortium-secrets")["stringData"]!.AsObject();
        var references = DeployFiles.OfKind("Deployment", "Job").SelectMany(DeployFiles.Containers).SelectMany(DeployFiles.Environment)
            .Select(e => e.From?["secretKeyRef"]).OfType<JsonNode>().ToList();

        Assert.NotEmpty(references);
        Assert.All(references, reference => Assert.Equal("consortium-secrets", (string?)reference["name"]));
        Assert.All(references, reference => Assert.True(secret.ContainsKey((string)reference["key"]!), $"consortium-secrets has no {reference["key"]}"));
        Assert.All(secret, entry => Assert.Contains("CHANGE-ME", (string?)entry.Value));
    }

    [Fact]
    public void MigrateJobRunsTheSiloImagesMigrateCommand()
    {
        var migrate = Assert.Single(DeployFiles.Containers(DeployFiles.Single("Job", "consortium-migrate")));
        var silo = Assert.Single(DeployFiles.Containers(DeployFiles.Single("Deployment", "consortium-silo")));

        Assert.Equal(["migrate"], migrate["args"]!.AsArray().Select(a => (string?)a));
        Assert.Equal((string?)silo["image"], (string?)migrate["image"]);
    }

    [Fact]
    public void KustomizationAppliesEveryManifestButTheExampleSecretAndTheMigrateJob()
    {
        var kustomization = DeployFiles.Manifests.Single(m => m.File == "kustomization.yaml").Document;
        var manifests = DeployFiles.Manifests.Select(m => m.File).Distinct()
            .Except(["kustomization.yaml", "secret.example.yaml", "migrate-job.yaml"]);

        Assert.Equal(manifests.Order(), kustomization["resources"]!.AsArray().Select(r => (string)r!).Order());
    }

    [Theory]
    [InlineData("Silo.Dockerfile", "src/Silo/Silo.csproj")]
    [InlineData("Portal.Dockerfile", "src/Portal/Portal.csproj")]
    public void ImagesCopyEveryProjectTheyBuildBeforeRestoringAndRunItsAssemblyAsTheImagesUser(string dockerfile, string project)
    {
        var lines = File.ReadAllLines(RepositoryFiles.PathOf($"deploy/docker/{dockerfile}"));
        var restore = Array.FindIndex(lines, line => line.StartsWith("RUN dotnet restore", StringComparison.Ordinal));
        var port = DeployFiles.DockerfileHttpPort(RepositoryFiles.PathOf($"deploy/docker/{dockerfile}"));

        foreach (var reference in ProjectClosure(project))
        {
            Assert.Contains($"COPY {reference} {Path.GetDirectoryName(reference)}/", lines[..restore]);
        }
        Assert.Contains("COPY deploy/sql/ deploy/sql/", lines);
        Assert.Contains($"ENTRYPOINT [\"dotnet\", \"{(project.Contains("Silo") ? SiloAssembly : PortalAssembly)}\"]", lines);
        Assert.Contains(lines, line => line.Trim() == $"HEALTHCHECK_PORT={port}");
        Assert.Contains(lines, line => line.StartsWith("EXPOSE ", StringComparison.Ordinal) && line.Split(' ').Contains(port.ToString()));
        Assert.Contains("USER $APP_UID", lines);
        Assert.Contains(lines, line => line.StartsWith("HEALTHCHECK ", StringComparison.Ordinal) && line.Contains("healthcheck.sh"));
        Assert.Contains("FROM mcr.microsoft.com/dotnet/aspnet:10.0", lines);
    }

    [Theory]
    [InlineData("consortium-silo@.service", "silo")]
    [InlineData("consortium-portal.service", "portal")]
    public void SystemdUnitsRunTheHostsAssemblyAsAnUnprivilegedUserWithTheEnvironmentFiles(string unit, string folder)
    {
        var lines = File.ReadAllLines(RepositoryFiles.PathOf($"deploy/systemd/{unit}"));

        Assert.Contains($"ExecStart=/usr/bin/dotnet /opt/consortium/{folder}/{(folder == "silo" ? SiloAssembly : PortalAssembly)}", lines);
        Assert.Contains("User=consortium", lines);
        Assert.Contains("Restart=on-failure", lines);
        Assert.Contains("EnvironmentFile=/etc/consortium/consortium.env", lines);
        foreach (var file in lines.Where(line => line.StartsWith("EnvironmentFile=", StringComparison.Ordinal)))
        {
            var example = Path.GetFileName(file["EnvironmentFile=".Length..]).Replace("%i", "a") + ".example";
            Assert.True(File.Exists(RepositoryFiles.PathOf($"deploy/systemd/{example}")), $"{unit} reads {file}, which deploy/systemd/{example} should show");
        }
    }

    /// <summary>The project and every project it references, directly or not, as paths from the repository root.</summary>
    private static IEnumerable<string> ProjectClosure(string project)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([project]);
        while (pending.TryPop(out var next))
        {
            if (!found.Add(next))
            {
                continue;
            }
            var folder = Path.GetDirectoryName(RepositoryFiles.PathOf(next))!;
            foreach (var reference in XDocument.Load(RepositoryFiles.PathOf(next)).Descendants("ProjectReference"))
            {
                var path = Path.GetFullPath(Path.Combine(folder, reference.Attribute("Include")!.Value.Replace('\\', '/')));
                pending.Push(Path.GetRelativePath(RepositoryFiles.Root, path));
            }
        }
        return found;
    }
}
