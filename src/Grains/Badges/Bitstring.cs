using System.Buffers.Text;
using System.IO.Compression;

namespace Consortium.Grains.Badges;

/// <summary>The <c>encodedList</c> of a Bitstring Status List: bit 0 the leftmost (most significant) bit of the first byte,
/// GZIP-compressed, then multibase base64url without padding (prefix <c>u</c>), as
/// https://www.w3.org/TR/vc-bitstring-status-list/ ("Bitstring Encoding") says.</summary>
public static class Bitstring
{
    public static string Encode(IEnumerable<int> setPositions, int size = StatusIndex.ListSize)
    {
        var bits = new byte[size / 8];
        foreach (var position in setPositions)
        {
            bits[position / 8] |= (byte)(0x80 >> (position % 8));
        }
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal))
        {
            gzip.Write(bits);
        }
        return "u" + Base64Url.EncodeToString(compressed.ToArray());
    }

    /// <summary>Whether bit <paramref name="position"/> of an <c>encodedList</c> is set.</summary>
    /// <exception cref="FormatException">Not a multibase base64url GZIP list, or too short to hold the position.</exception>
    public static bool IsSet(string encodedList, int position)
    {
        if (!encodedList.StartsWith('u'))
        {
            throw new FormatException("The encoded list is not multibase base64url (prefix 'u').");
        }
        using var gzip = new GZipStream(new MemoryStream(Base64Url.DecodeFromChars(encodedList.AsSpan(1))), CompressionMode.Decompress);
        using var bits = new MemoryStream();
        gzip.CopyTo(bits);
        var bytes = bits.GetBuffer();
        return position / 8 < bits.Length
            ? (bytes[position / 8] & (0x80 >> (position % 8))) != 0
            : throw new FormatException($"The status list has {bits.Length * 8} bits, fewer than the credential's index {position}.");
    }
}
