namespace Consortium.Grains.Trust;

/// <summary>Small pieces of English shared by rule summaries, evidence and verdict reasons.</summary>
internal static class Phrases
{
    public static string Quoted(string text) => $"\"{text}\"";

    /// <returns>"a", "a or b", "a, b or c" (and likewise with "and").</returns>
    public static string List(IReadOnlyList<string> items, string conjunction) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => $"{string.Join(", ", items.Take(items.Count - 1))} {conjunction} {items[^1]}",
    };

    public static string Count(int count, string singular, string plural) => $"{count} {(count == 1 ? singular : plural)}";

    public static string Months(int months) => Count(months, "month", "months");

    public static string Capitalised(string sentence) => sentence.Length == 0 ? sentence : char.ToUpperInvariant(sentence[0]) + sentence[1..];

    /// <summary>"an other-id", "a grant_number": the article for an identifier type read aloud.</summary>
    public static string WithArticle(string word) => ("aeiou".Contains(char.ToLowerInvariant(word[0])) ? "an " : "a ") + word;
}
