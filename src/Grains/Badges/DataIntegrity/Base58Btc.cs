using System.Numerics;
using System.Text;

namespace Consortium.Grains.Badges.DataIntegrity;

/// <summary>Base58 with the Bitcoin alphabet, as multibase's <c>z</c> prefix names it (draft-multiformats-multibase, "base58btc"):
/// the form of Data Integrity's <c>proofValue</c> and of Multikey's <c>publicKeyMultibase</c>.</summary>
public static class Base58Btc
{
    private const string Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    public static string Encode(ReadOnlySpan<byte> bytes)
    {
        var zeros = 0;
        while (zeros < bytes.Length && bytes[zeros] == 0)
        {
            zeros++;
        }
        var number = new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
        var text = new StringBuilder();
        while (number > 0)
        {
            number = BigInteger.DivRem(number, 58, out var digit);
            text.Insert(0, Alphabet[(int)digit]);
        }
        return new string('1', zeros) + text;
    }

    /// <exception cref="FormatException">A character outside the alphabet.</exception>
    public static byte[] Decode(string text)
    {
        var zeros = 0;
        while (zeros < text.Length && text[zeros] == '1')
        {
            zeros++;
        }
        var number = BigInteger.Zero;
        foreach (var c in text)
        {
            var digit = Alphabet.IndexOf(c);
            number = number * 58 + (digit >= 0 ? digit : throw new FormatException($"'{c}' is not a base58btc character."));
        }
        var body = number.IsZero ? [] : number.ToByteArray(isUnsigned: true, isBigEndian: true);
        return [.. new byte[zeros], .. body];
    }
}
