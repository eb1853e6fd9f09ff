using Consortium.Grains.Common;
using Consortium.Grains.Templates;
using Consortium.Grains.Tenants;

namespace Consortium.Grains.Interfaces;

/// <summary>A tenant's qualification templates, shared by both environments. Key: <see cref="TenantKey.For"/>.</summary>
[Alias("ITenantTemplatesGrain")]
public interface ITenantTemplatesGrain : IGrainWithStringKey
{
    /// <summary>Creates or replaces the template; qualifications already written from it are updated in ORCID.</summary>
    /// <exception cref="InvalidFieldException">A field is malformed; nothing is changed.</exception>
    [Alias("Save")]
    Task<QualificationTemplate> SaveAsync(string id, TemplateInput input);

    [Alias("Get")]
    Task<QualificationTemplate?> GetAsync(string id);

    [Alias("List")]
    Task<IReadOnlyList<QualificationTemplate>> ListAsync();
}
