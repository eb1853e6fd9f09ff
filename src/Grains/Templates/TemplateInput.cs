using System.Text.RegularExpressions;
using Consortium.Grains.Common;
using Consortium.Orcid.Model;

namespace Consortium.Grains.Templates;

/// <summary>A template as an admin or the API sends it: only the title is required.</summary>
[GenerateSerializer, Immutable]
public sealed partial record TemplateInput(
    [property: Id(0)] string? Title,
    [property: Id(1)] string? Department = null,
    [property: Id(2)] int? ValidityMonths = null,
    [property: Id(3)] DateOnly? StartDate = null,
    [property: Id(4)] string? UrlPattern = null,
    [property: Id(5)] bool? LinkCertificate = null,
    [property: Id(6)] string? ExternalIdType = null,
    [property: Id(7)] string? ExternalIdValuePattern = null)
{
    public const int MaxTitleLength = 1000;
    public const int MaxDepartmentLength = 1000;
    public const int MaxValidityMonths = 1200;
    public const string DefaultExternalIdType = "other-id";

    /// <exception cref="InvalidFieldException">The first malformed field; nothing is stored.</exception>
    public QualificationTemplate Validated(string id, DateTimeOffset now)
    {
        id = (id ?? "").Trim();
        if (!IdPattern().IsMatch(id))
        {
            throw new InvalidFieldException("id", "A template id must be 1 to 64 lower-case letters, digits, hyphens, dots or underscores, like 'laser-2'.");
        }
        if (ValidityMonths is < 1 or > MaxValidityMonths)
        {
            throw new InvalidFieldException(nameof(ValidityMonths), $"The validity must be 1 to {MaxValidityMonths} months, or empty when the qualification does not expire.");
        }
        if (StartDate is { } start && !PartialDate.Accepts(start))
        {
            throw new InvalidFieldException(nameof(StartDate), $"The fixed start date {start:yyyy-MM-dd} is out of range: {PartialDate.AcceptedYears}.");
        }
        return new QualificationTemplate(
            id,
            Fields.Text(nameof(Title), Title, MaxTitleLength, "title"),
            string.IsNullOrWhiteSpace(Department) ? null : Fields.Text(nameof(Department), Department, MaxDepartmentLength, "department"),
            ValidityMonths,
            StartDate,
            ValidUrlPattern(),
            LinkCertificate ?? true,
            ValidExternalIdType(),
            ValidExternalIdValuePattern(),
            now);
    }

    private string? ValidUrlPattern()
    {
        if (string.IsNullOrWhiteSpace(UrlPattern))
        {
            return null;
        }
        var pattern = UrlPattern.Trim();
        var sample = pattern.Replace(QualificationTemplate.ExternalIdPlaceholder, "x").Replace(QualificationTemplate.OrcidPlaceholder, "0000-0002-1825-0097");
        return Uri.TryCreate(sample, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
            ? pattern
            : throw new InvalidFieldException(nameof(UrlPattern), "The URL pattern must be an http(s) address; {externalId} and {orcid} are filled in per issuance.");
    }

    private string ValidExternalIdType()
    {
        var type = string.IsNullOrWhiteSpace(ExternalIdType) ? DefaultExternalIdType : ExternalIdType.Trim().ToLowerInvariant();
        return ExternalIdTypePattern().IsMatch(type)
            ? type
            : throw new InvalidFieldException(nameof(ExternalIdType), "The external id type must be an ORCID identifier type, like 'other-id'.");
    }

    private string ValidExternalIdValuePattern()
    {
        var pattern = string.IsNullOrWhiteSpace(ExternalIdValuePattern) ? QualificationTemplate.ExternalIdPlaceholder : ExternalIdValuePattern.Trim();
        return pattern.Contains(QualificationTemplate.ExternalIdPlaceholder) && pattern.Length <= 200
            ? pattern
            : throw new InvalidFieldException(nameof(ExternalIdValuePattern),
                "The external id pattern must contain {externalId} (and may contain {tenant}), so each issuance gets its own stable id.");
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,63}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{1,49}$")]
    private static partial Regex ExternalIdTypePattern();
}
