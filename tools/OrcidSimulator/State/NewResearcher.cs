namespace Consortium.OrcidSimulator.State;

/// <summary>What a new test researcher needs, from the sign-in page or the controls. The email signs in, so it is unique.</summary>
public static class NewResearcher
{
    public const int MinimumPasswordLength = 4;

    public static string? Problem(OAuthStore oauth, string? givenNames, string? familyNames, string? email, string? password)
    {
        var missing = new[] { ("given names", givenNames), ("family names", familyNames), ("email", email), ("password", password) }
            .Where(field => string.IsNullOrWhiteSpace(field.Item2)).Select(field => field.Item1).ToList();
        if (missing.Count > 0)
        {
            return $"A new researcher needs {string.Join(", ", missing)}.";
        }
        if (!email!.Contains('@'))
        {
            return $"'{email}' is not an email address.";
        }
        if (oauth.Researchers.Any(r => string.Equals(r.Email, email, StringComparison.OrdinalIgnoreCase)))
        {
            return $"A researcher with the email {email} exists already: sign in with its password instead.";
        }
        return password!.Length < MinimumPasswordLength ? $"The password needs at least {MinimumPasswordLength} characters." : null;
    }
}
