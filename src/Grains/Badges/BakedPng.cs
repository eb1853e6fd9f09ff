using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;

namespace Consortium.Grains.Badges;

/// <summary>
/// A badge image with its credential inside, as OB 3.0 bakes it ("Baking", ob_v3p0 "Badge Baking"): an <c>iTXt</c> chunk with
/// keyword <c>openbadgecredential</c>, no compression, no language, whose text is the VC-JWT (or the JSON credential).
/// </summary>
public static class BakedPng
{
    public const string Keyword = "openbadgecredential";

    private static ReadOnlySpan<byte> Signature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary><paramref name="png"/> with its <c>openbadgecredential</c> chunk (one only, OB 3.0 says) holding <paramref name="credential"/>,
    /// before <c>IEND</c>.</summary>
    /// <exception cref="FormatException">Not a PNG.</exception>
    public static byte[] Bake(ReadOnlySpan<byte> png, string credential)
    {
        using var output = new MemoryStream();
        output.Write(Signature);
        foreach (var (type, data) in Chunks(png))
        {
            if (type == "iTXt" && KeywordOf(data) == Keyword)
            {
                continue;
            }
            if (type == "IEND")
            {
                var text = new List<byte>(Encoding.Latin1.GetBytes(Keyword)) { 0, 0, 0, 0, 0 };
                text.AddRange(Encoding.UTF8.GetBytes(credential));
                WriteChunk(output, "iTXt", [.. text]);
            }
            WriteChunk(output, type, data);
        }
        return output.ToArray();
    }

    /// <returns>The baked credential, or null when the image is a PNG without one.</returns>
    /// <exception cref="FormatException">Not a PNG.</exception>
    public static string? Extract(ReadOnlySpan<byte> png)
    {
        foreach (var (type, data) in Chunks(png))
        {
            if (type == "iTXt" && KeywordOf(data) == Keyword)
            {
                // keyword \0, compression flag, method, language \0, translated keyword \0, text.
                var rest = data[(Keyword.Length + 1)..];
                if (rest[0] != 0)
                {
                    throw new FormatException("The openbadgecredential chunk is compressed, which OB 3.0 does not allow.");
                }
                var afterLanguage = rest[2..];
                afterLanguage = afterLanguage[(Array.IndexOf(afterLanguage, (byte)0) + 1)..];
                return Encoding.UTF8.GetString(afterLanguage[(Array.IndexOf(afterLanguage, (byte)0) + 1)..]);
            }
        }
        return null;
    }

    public static bool LooksLikePng(ReadOnlySpan<byte> bytes) => bytes.StartsWith(Signature);

    /// <summary>A plain square image in one colour, for an organisation with no PNG logo.</summary>
    public static byte[] Plain(byte red, byte green, byte blue, int size = 128)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, size);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), size);
        header[8] = 8; // bit depth
        header[9] = 2; // truecolour
        var raw = new byte[size * (1 + size * 3)];
        for (var row = 0; row < size; row++)
        {
            for (var x = 0; x < size; x++)
            {
                var at = row * (1 + size * 3) + 1 + x * 3;
                (raw[at], raw[at + 1], raw[at + 2]) = (red, green, blue);
            }
        }
        using var compressed = new MemoryStream();
        using (var zlib = new System.IO.Compression.ZLibStream(compressed, System.IO.Compression.CompressionLevel.Optimal))
        {
            zlib.Write(raw);
        }
        using var output = new MemoryStream();
        output.Write(Signature);
        WriteChunk(output, "IHDR", header);
        WriteChunk(output, "IDAT", compressed.ToArray());
        WriteChunk(output, "IEND", []);
        return output.ToArray();
    }

    private static List<(string Type, byte[] Data)> Chunks(ReadOnlySpan<byte> png)
    {
        if (!LooksLikePng(png))
        {
            throw new FormatException("The file is not a PNG image.");
        }
        var chunks = new List<(string, byte[])>();
        var at = Signature.Length;
        while (at + 12 <= png.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png[at..]);
            if (length < 0 || at + 12 + length > png.Length)
            {
                throw new FormatException("The PNG image is cut short.");
            }
            var type = Encoding.Latin1.GetString(png.Slice(at + 4, 4));
            chunks.Add((type, png.Slice(at + 8, length).ToArray()));
            at += 12 + length;
            if (type == "IEND")
            {
                return chunks;
            }
        }
        throw new FormatException("The PNG image has no IEND chunk.");
    }

    private static string? KeywordOf(byte[] data) =>
        Array.IndexOf(data, (byte)0) is var end and > 0 ? Encoding.Latin1.GetString(data, 0, end) : null;

    private static void WriteChunk(Stream output, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        output.Write(number);
        var typeBytes = Encoding.Latin1.GetBytes(type);
        output.Write(typeBytes);
        output.Write(data);
        var crc = new Crc32();
        crc.Append(typeBytes);
        crc.Append(data);
        BinaryPrimitives.WriteUInt32BigEndian(number, crc.GetCurrentHashAsUInt32());
        output.Write(number);
    }
}
