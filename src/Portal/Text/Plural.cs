namespace Consortium.Portal.Text;

/// <summary>A count with its noun in the right number ("1 issuance", "2 issuances"): one home for the rule, ready for translation.</summary>
public static class Plural
{
    public static string Of(int count, string singular, string? plural = null) =>
        $"{count:N0} {(count == 1 ? singular : plural ?? singular + "s")}";
}
