using System.Net;
using Consortium.Orcid.Errors;

namespace Consortium.Orcid.Tests.Errors;

public sealed class OrcidApiExceptionTests
{
    [Theory]
    [InlineData(400, 9062, null, OrcidErrorKind.MissingDisambiguatedOrganization)]
    [InlineData(400, 9019, null, OrcidErrorKind.PutCodeMismatch)]
    [InlineData(401, null, "invalid_token", OrcidErrorKind.InvalidToken)]
    // A token used on another record (TokenTargetFilter) is not a revoked token: the consent must not end over it.
    [InlineData(401, 9017, null, OrcidErrorKind.Other)]
    [InlineData(403, 9010, null, OrcidErrorKind.NotSource)]
    [InlineData(403, 9035, null, OrcidErrorKind.VisibilityChange)]
    [InlineData(403, 9038, null, OrcidErrorKind.MissingScope)]
    [InlineData(404, 9011, null, OrcidErrorKind.NotFound)]
    [InlineData(404, 9016, null, OrcidErrorKind.NotFound)]
    [InlineData(409, 9021, null, OrcidErrorKind.DuplicateExternalId)]
    [InlineData(409, 9018, null, OrcidErrorKind.RecordLocked)]
    [InlineData(409, 9044, null, OrcidErrorKind.Deactivated)]
    [InlineData(301, 9007, null, OrcidErrorKind.Deprecated)]
    [InlineData(409, 9007, null, OrcidErrorKind.Deprecated)]
    [InlineData(503, null, null, OrcidErrorKind.RateLimited)]
    [InlineData(500, 9008, null, OrcidErrorKind.ServerError)]
    [InlineData(400, 9045, null, OrcidErrorKind.UnknownDisambiguatedOrganization)]
    [InlineData(400, 9046, null, OrcidErrorKind.MissingOrganization)]
    [InlineData(400, 9061, null, OrcidErrorKind.CityWithoutCountry)]
    [InlineData(400, 9001, null, OrcidErrorKind.Other)]
    public void StatusAndCodeGiveTheKind(int status, int? code, string? oauthError, OrcidErrorKind kind)
    {
        Assert.Equal(kind, new OrcidApiException((HttpStatusCode)status, code, "message", oauthError: oauthError).Kind);
    }

    [Fact]
    public void DuplicateExternalIdNamesTheExistingPutCode()
    {
        var exception = new OrcidApiException(HttpStatusCode.Conflict, 9021,
            "409 Conflict: You have already added this activity (matched by external identifiers), please see element with put-code 1234567. If you are trying to edit the item, please use PUT instead of POST.");

        Assert.Equal(1234567, exception.ExistingPutCode);
    }

    [Fact]
    public void OtherErrorsHaveNoExistingPutCode()
    {
        Assert.Null(new OrcidApiException(HttpStatusCode.NotFound, 9011, "No item with put-code 12.").ExistingPutCode);
    }

    [Fact]
    public void ADeprecatedRecordWithoutLocationNamesThePrimaryFromOrcidsMessage()
    {
        // apiError.9007.userMessage in ORCID-Source orcid-core/src/main/resources/i18n/api_en.properties.
        var exception = new OrcidApiException(HttpStatusCode.Conflict, 9007, null,
            "This account is deprecated. Please refer to account: https://sandbox.orcid.org/0000-0002-1694-233X.");

        Assert.Equal(OrcidId.Parse("0000-0002-1694-233X"), exception.PrimaryOrcid);
        Assert.Null(new OrcidApiException(HttpStatusCode.Conflict, 9018, "Please refer to account: 0000-0002-1694-233X").PrimaryOrcid);
    }

    [Fact]
    public void MessageNamesStatusCodeAndDeveloperMessage()
    {
        Assert.Equal("ORCID answered 403 Forbidden, error 9010: Not the source.",
            new OrcidApiException(HttpStatusCode.Forbidden, 9010, "Not the source.").Message);
    }
}
