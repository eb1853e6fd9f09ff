using System.Net;
using System.Net.Http.Json;
using Consortium.Orcid.Model;
using Consortium.Orcid.Serialization;
using Consortium.OrcidSimulator.Controls;

namespace Consortium.Orcid.Tests.Conformance;

/// <summary>The simulator's visibility controls: the researcher's default and per-item choice, and their bad input.</summary>
[Collection(SimulatorCollection.Name)]
public sealed class SimulatorVisibilityControlsTests(SimulatorFixture simulator)
{
    [Fact]
    public async Task ANewItemTakesTheRecordsDefaultAndTheResearcherChangesIt()
    {
        using var controls = new SimulatorControls(simulator.BaseUrl);
        var client = await simulator.RegisterClientAsync("Example University");
        var orcid = (await controls.CreateResearcherAsync("Lise", "Meitner", $"{Guid.NewGuid():N}@example.org", defaultVisibility: "private")).Orcid;
        var putCode = await controls.PutQualificationAsync(orcid, client.ClientId, "Radiation Safety");
        var before = await VisibilityAsync(controls, orcid);

        await controls.SetVisibilityAsync(orcid, putCode, "limited");

        Assert.Equal((Visibility.Private, Visibility.Limited), (before, await VisibilityAsync(controls, orcid)));
    }

    [Fact]
    public async Task BadValuesAreNamedAndChangeNothing()
    {
        using var controls = new SimulatorControls(simulator.BaseUrl);
        var orcid = (await controls.CreateResearcherAsync("Lise", "Meitner", $"{Guid.NewGuid():N}@example.org")).Orcid;
        var putCode = await controls.PutQualificationAsync(orcid, sourceClientId: null, "Radiation Safety");

        using var badDefault = await simulator.Controls.PostAsJsonAsync("/_sim/researchers",
            new NewResearcherRequest("No", "Body", "nobody@example.org", DefaultVisibility: "secret"));
        using var badVisibility = await simulator.Controls.PostAsJsonAsync($"/_sim/records/{orcid}/qualifications/{putCode}/visibility", new VisibilityRequest("everyone"));
        using var unknownItem = await simulator.Controls.PostAsJsonAsync($"/_sim/records/{orcid}/qualifications/{putCode + 1000}/visibility", new VisibilityRequest("private"));

        Assert.Equal(HttpStatusCode.BadRequest, badDefault.StatusCode);
        Assert.Equal("\"defaultVisibility must be public, limited, private, not 'secret'.\"", await badDefault.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, badVisibility.StatusCode);
        Assert.Contains("visibility must be public, limited, private", await badVisibility.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, unknownItem.StatusCode);
        Assert.Equal(Visibility.Public, await VisibilityAsync(controls, orcid));
    }

    static async Task<Visibility?> VisibilityAsync(SimulatorControls controls, string orcid) =>
        System.Text.Json.JsonSerializer.Deserialize<Qualification>(Assert.Single(await controls.QualificationsAsync(orcid)), OrcidJson.Options)!.Visibility;
}
