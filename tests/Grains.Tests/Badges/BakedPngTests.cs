using System.Buffers.Binary;
using System.Text;
using Consortium.Grains.Badges;

namespace Consortium.Grains.Tests.Badges;

/// <summary>Baking as OB 3.0 says: one iTXt chunk, keyword openbadgecredential, uncompressed, before IEND.</summary>
public sealed class BakedPngTests
{
    private const string Jwt = "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJodHRwczovL2V4YW1wbGUub3JnIn0.c2lnbmF0dXJl";

    [Fact]
    public void ABakedCredentialComesOutAsItWentInInOneITxtChunkBeforeIend()
    {
        var baked = BakedPng.Bake(BakedPng.Plain(0x45, 0x5A, 0x64), Jwt);

        Assert.Equal(Jwt, BakedPng.Extract(baked));
        var chunks = ChunkTypes(baked);
        Assert.Equal(["IHDR", "IDAT", "iTXt", "IEND"], chunks);
        Assert.All(Chunks(baked), chunk => Assert.Equal(ReferenceCrc(chunk.TypeAndData), chunk.Crc));
        var text = Encoding.Latin1.GetString(baked);
        Assert.Contains("openbadgecredential\0\0\0\0\0" + Jwt, text);
    }

    [Fact]
    public void BakingAgainReplacesTheCredentialRatherThanAddingASecond()
    {
        var once = BakedPng.Bake(BakedPng.Plain(1, 2, 3), "first.credential.jwt");

        var twice = BakedPng.Bake(once, Jwt);

        Assert.Equal(Jwt, BakedPng.Extract(twice));
        Assert.Single(ChunkTypes(twice), "iTXt");
    }

    [Fact]
    public void APngWithoutTheChunkHasNoCredentialAndOtherBytesAreNoPng()
    {
        var plain = BakedPng.Plain(1, 2, 3);

        Assert.Null(BakedPng.Extract(plain));
        Assert.Throws<FormatException>(() => BakedPng.Extract(Encoding.UTF8.GetBytes(Jwt)));
        Assert.Throws<FormatException>(() => BakedPng.Extract(plain.AsSpan(0, plain.Length - 6)));
    }

    private static List<string> ChunkTypes(byte[] png) => [.. Chunks(png).Select(c => Encoding.Latin1.GetString(c.TypeAndData, 0, 4))];

    private static List<(byte[] TypeAndData, uint Crc)> Chunks(byte[] png)
    {
        var chunks = new List<(byte[], uint)>();
        for (var at = 8; at < png.Length; at += 12 + BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at)))
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            chunks.Add((png[(at + 4)..(at + 8 + length)], BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at + 8 + length))));
        }
        return chunks;
    }

    /// <summary>CRC-32 as the PNG specification's annex D writes it, bit by bit, to check the library the portal uses.</summary>
    private static uint ReferenceCrc(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }
        return crc ^ 0xFFFFFFFFu;
    }
}
