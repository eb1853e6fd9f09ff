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
}
