using Consortium.Orcid.Model;

namespace Consortium.Grains.Trust;

/// <summary>Who wrote a qualification, said the way evidence and verdicts say it.</summary>
internal static class SourcePhrases
{
    /// <returns>"written by this organisation", "written by Example University (APP-…)", "added by the researcher themselves".</returns>
    public static string WrittenBy(SourceKind kind, Source? source) => kind switch
    {
        SourceKind.OwnClient => "written by this organisation",
        SourceKind.SelfAsserted => "added by the researcher themselves",
        SourceKind.Unknown => source?.SourceName is { Length: > 0 } name
            ? $"written by {name}, neither a client nor the researcher"
            : "written by an unknown source",
        _ => $"written by {ClientName(source)}",
    };

    private static string ClientName(Source? source)
    {
        var clientId = source?.SourceClientId?.Path;
        return source?.SourceName is { Length: > 0 } name ? $"{name} ({clientId})" : $"the client {clientId}";
    }
}
