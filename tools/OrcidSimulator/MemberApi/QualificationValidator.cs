using System.Globalization;
using System.Net;
using Consortium.Orcid.Model;
using Consortium.OrcidSimulator.State;

namespace Consortium.OrcidSimulator.MemberApi;

/// <summary>
/// ORCID's own checks of a qualification written through the API, in ORCID's order, as
/// ORCID-Source orcid-core/src/main/java/org/orcid/core/manager/v3/validator/ActivityValidator.java has them in 2025
/// (validateAffiliation → validateDisambiguatedOrgAndExternalIdentifiersForProfessionalActivities, validateFuzzyDate), with
/// the status and error code orcid-core/src/main/java/org/orcid/core/exception/OrcidCoreExceptionMapper.java gives each
/// exception and the wording of orcid-core/src/main/resources/i18n/api_en.properties.
/// Qualifications are "professional activities": unlike employment and education, city and country are not required, and
/// an activity external id stands in for a disambiguated organisation. Whether that organisation id is one ORCID knows is
/// checked later, when the item is stored (<see cref="OrganisationRegistry"/>), as ORCID's OrgManagerImpl does.
/// </summary>
public static class QualificationValidator
{
    public static SimFailure? Validate(Qualification qualification, bool creating)
    {
        // InvalidPutCodeException → 400/9024.
        if (creating && qualification.PutCode is not null)
        {
            return Refuse(9024, "400 Bad Request: Put-code is included when not expected. When posting new activities, the put code should be omitted.");
        }
        // InvalidOrgException → 400/9046 (the schema already requires an organization's name).
        if (qualification.Organization is not { } organization)
        {
            return Refuse(9046, "400 Bad request: organization must be present and valid");
        }
        // InvalidNoOrgOrExternalIdException → 400/9062.
        if (string.IsNullOrEmpty(organization.DisambiguatedOrganization?.DisambiguatedOrganizationIdentifier) && qualification.ExternalIds.Count == 0)
        {
            return Refuse(9062, "Professional activities cannot be added without an organization id/external identifier. One has to be present.");
        }
        // InvalidOrgAddressNoCountryButCityRegionException → 400/9061.
        var address = organization.Address;
        if ((!string.IsNullOrEmpty(address.City) || !string.IsNullOrEmpty(address.Region)) && string.IsNullOrEmpty(address.Country))
        {
            return Refuse(9061, "City or region cannot be provided without a country for the organization address.");
        }
        // InvalidFuzzyDateException → 400/9049: the end date is checked first, then the start date.
        foreach (var date in new[] { qualification.EndDate, qualification.StartDate })
        {
            if (date is not null && !IsRealDate(date))
            {
                return Refuse(9049, $"400 Bad request: invalid date: {DateString(date)}");
            }
        }
        // StartDateAfterEndDateException → 400/9055.
        if (qualification.StartDate is { } start && qualification.EndDate is { } end && string.CompareOrdinal(Comparable(start), Comparable(end)) > 0)
        {
            return Refuse(9055, "400 Bad Request: End date must come after start date.");
        }
        return null;
    }

    static SimFailure Refuse(int errorCode, string message) => new(HttpStatusCode.BadRequest, errorCode, message);

    // validateFuzzyDate: "yyyy", "yyyy-MM" or a strict "yyyy-MM-dd"; a day without a month is no date.
    static bool IsRealDate(PartialDate date) => date switch
    {
        { Month: null, Day: not null } => false,
        { Month: { } month, Day: { } day } => month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(date.Year, month),
        { Month: { } month } => month is >= 1 and <= 12,
        _ => true,
    };

    static string DateString(PartialDate date) => date switch
    {
        { Day: { } day } => $"{date.Year:D4}-{(date.Month is { } month ? month.ToString("D2", CultureInfo.InvariantCulture) : "null")}-{day:D2}",
        { Month: { } month } => $"{date.Year:D4}-{month:D2}",
        _ => $"{date.Year:D4}",
    };

    // orcid-core/src/main/java/org/orcid/core/utils/v3/FuzzyDateUtils.java, compareTo: yyyyMMdd with a missing part as 00,
    // so a start of 2024-03 is after an end of 2024.
    static string Comparable(PartialDate date) => $"{date.Year:D4}{date.Month ?? 0:D2}{date.Day ?? 0:D2}";
}
