using System.Globalization;
using System.Net.Mail;
using System.Text.RegularExpressions;
using Consortium.Orcid;
using Consortium.Orcid.Model;

namespace Consortium.Portal.Issuing;

/// <summary>Checks the values of one row of an issuing CSV and normalises them; each problem names the value and what is expected.</summary>
internal sealed partial class BatchRowValidator
{
    public const int MaxNameLength = 100;
    const int MaxEmailLength = 254;
    const int MaxTemplatesNamed = 10;
    const int MaxValueShown = 60;

    readonly HashSet<string> knownTemplateIds;
    readonly string knownTemplates;

    public BatchRowValidator(IReadOnlySet<string> knownTemplateIds)
    {
        // Ordinal whatever comparer the caller's set has: "Phd" and "PhD" are different templates.
        this.knownTemplateIds = new HashSet<string>(knownTemplateIds, StringComparer.Ordinal);
        var sorted = this.knownTemplateIds.Order(StringComparer.Ordinal).ToList();
        var more = sorted.Count > MaxTemplatesNamed ? $" and {sorted.Count - MaxTemplatesNamed} more" : "";
        knownTemplates = sorted.Count == 0
            ? "This organisation has no templates yet; create one first."
            : $"The templates are: {string.Join(", ", sorted.Take(MaxTemplatesNamed))}{more}.";
    }

    /// <returns>The row when all its values are valid, else null, with every problem added to <paramref name="problems"/>.</returns>
    public BatchRow? Validate(int line, BatchHeader header, IReadOnlyList<string> fields, List<BatchProblem> problems)
    {
        var found = problems.Count;
        void Problem(string field, string message) => problems.Add(new BatchProblem(line, field, message));

        var template = header.Value(fields, BatchColumns.Template);
        if (template is null)
        {
            Problem(BatchColumns.Template, "The template is missing.");
        }
        else if (!knownTemplateIds.Contains(template))
        {
            Problem(BatchColumns.Template, $"There is no template '{Shown(template)}'. {knownTemplates}");
        }

        var externalId = header.Value(fields, BatchColumns.ExternalId);
        if (externalId is null)
        {
            Problem(BatchColumns.ExternalId, "The external ID is missing.");
        }
        else if (!ExternalIdPattern().IsMatch(externalId))
        {
            Problem(BatchColumns.ExternalId,
                $"The external ID '{Shown(externalId)}' is not valid: use 1 to 100 letters, digits, dots, hyphens or underscores, starting with a letter or digit.");
        }

        var orcidText = header.Value(fields, BatchColumns.Orcid);
        var emailText = header.Value(fields, BatchColumns.Email);
        string? orcid = null;
        if (orcidText is null && emailText is null)
        {
            Problem(BatchColumns.Orcid, "Give an ORCID iD or an email address (or both): one of orcid or email is required.");
        }
        else if (orcidText is not null)
        {
            if (OrcidId.TryParse(orcidText, out var id, out var error))
            {
                orcid = id.Value;
            }
            else
            {
                Problem(BatchColumns.Orcid, error);
            }
        }
        if (emailText is not null && !IsEmailAddress(emailText))
        {
            Problem(BatchColumns.Email, $"'{Shown(emailText)}' is not an email address; expected something like name@example.org.");
        }

        var startText = header.Value(fields, BatchColumns.StartDate);
        DateOnly? startDate = null;
        if (startText is not null)
        {
            if (DateOnly.TryParseExact(startText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                if (PartialDate.Accepts(date))
                {
                    startDate = date;
                }
                else
                {
                    Problem(BatchColumns.StartDate, $"The start date '{startText}' is out of range: {PartialDate.AcceptedYears}.");
                }
            }
            else
            {
                Problem(BatchColumns.StartDate, $"The start date '{Shown(startText)}' is not a date like 2025-03-01 (year-month-day).");
            }
        }

        var givenNames = Name(BatchColumns.GivenNames, "given names");
        var familyNames = Name(BatchColumns.FamilyNames, "family names");

        return problems.Count > found || template is null || externalId is null
            ? null
            : new BatchRow(line, template, externalId, orcid, emailText, startDate, givenNames, familyNames);

        string? Name(string column, string what)
        {
            var name = header.Value(fields, column);
            if (name is { Length: > MaxNameLength })
            {
                Problem(column, $"The {what} are {name.Length} characters long; at most {MaxNameLength} are allowed.");
            }
            return name;
        }
    }

    /// <summary>The same test as the portal's invitation form (Fields.Email), and a dot in the domain: ORCID
    /// cannot reach an address at a bare host name such as name@localhost.</summary>
    static bool IsEmailAddress(string text) =>
        text.Length <= MaxEmailLength
        && MailAddress.TryCreate(text, out var address)
        && address.Address == text
        && address.Host.Trim('.').Contains('.');

    /// <summary>A value as a message quotes it: a whole paragraph pasted into a cell would bury the explanation.</summary>
    internal static string Shown(string value) => value.Length <= MaxValueShown ? value : value[..(MaxValueShown - 1)] + "…";

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}\z")]
    private static partial Regex ExternalIdPattern();
}
