using System.Text.Json.Serialization;
using Consortium.Orcid.Serialization;

namespace Consortium.Orcid.Model;

/// <summary>ORCID's fuzzy date: a year, optionally with month, optionally with day.</summary>
[JsonConverter(typeof(PartialDateConverter))]
public sealed record PartialDate(int Year, int? Month = null, int? Day = null)
{
    // ORCID's schema bounds the year of every fuzzy date (start, end, publication): ORCID/orcid-model,
    // src/main/resources/common_3.0/common-3.0.xsd, simpleType "year": minInclusive 1900, maxInclusive 2100
    // (a copy is in /work/shared/orcid-fixtures/xsd/common_3.0/common-3.0.xsd).
    public const int MinYear = 1900;
    public const int MaxYear = 2100;

    /// <summary>How a message names the range ORCID accepts.</summary>
    public const string AcceptedYears = "ORCID accepts dates in the years 1900 to 2100";

    public static PartialDate From(DateOnly date) => new(date.Year, date.Month, date.Day);

    /// <summary>Whether ORCID accepts the date in a fuzzy date.</summary>
    public static bool Accepts(DateOnly date) => date.Year is >= MinYear and <= MaxYear;
}
