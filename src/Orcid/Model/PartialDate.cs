using System.Text.Json.Serialization;
using Consortium.Orcid.Serialization;

namespace Consortium.Orcid.Model;

/// <summary>ORCID's fuzzy date: a year, optionally with month, optionally with day.</summary>
[JsonConverter(typeof(PartialDateConverter))]
public sealed record PartialDate(int Year, int? Month = null, int? Day = null)
{
    public static PartialDate From(DateOnly date) => new(date.Year, date.Month, date.Day);
}
