using Consortium.Grains.Issuing;

namespace Consortium.Portal.Researchers;

/// <summary>What a certificate page shows. <see cref="HolderName"/> is the name ORCID gave when the researcher connected
/// (null when ORCID gave none), never the names an organisation typed in when issuing.</summary>
public sealed record CertificateModel(ResearcherPageModel Page, IssuanceView Issuance, string? HolderName);
