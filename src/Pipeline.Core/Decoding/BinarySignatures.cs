namespace Pipeline.Core.Decoding;

/// <summary>Recognises files by their leading magic numbers.</summary>
internal static class BinarySignatures
{
    private static readonly (string Name, byte[] Magic)[] s_signatures =
    [
        ("PNG image", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        ("PDF document", "%PDF-"u8.ToArray()),
        ("ZIP archive (or Office document)", [0x50, 0x4B, 0x03, 0x04]),
        ("ZIP archive", [0x50, 0x4B, 0x05, 0x06]),
        ("GIF image", "GIF87a"u8.ToArray()),
        ("GIF image", "GIF89a"u8.ToArray()),
        ("JPEG image", [0xFF, 0xD8, 0xFF]),
        ("gzip archive", [0x1F, 0x8B]),
        ("bzip2 archive", "BZh"u8.ToArray()),
        ("7-Zip archive", [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C]),
        ("RAR archive", "Rar!\u001A\u0007"u8.ToArray()),
        ("xz archive", [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]),
        ("zstd archive", [0x28, 0xB5, 0x2F, 0xFD]),
        ("ELF executable", [0x7F, 0x45, 0x4C, 0x46]),
        ("Windows executable", [0x4D, 0x5A, 0x90, 0x00]),
        ("WebAssembly module", [0x00, 0x61, 0x73, 0x6D]),
        ("TIFF image", [0x49, 0x49, 0x2A, 0x00]),
        ("TIFF image", [0x4D, 0x4D, 0x00, 0x2A]),
        ("RIFF media (WAV/AVI/WebP)", "RIFF"u8.ToArray()),
        ("Ogg media", "OggS"u8.ToArray()),
        ("MP3 audio", "ID3"u8.ToArray()),
        ("Matroska/WebM media", [0x1A, 0x45, 0xDF, 0xA3]),
        ("SQLite database", "SQLite format 3\0"u8.ToArray()),
        ("OLE compound document (old Office)", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]),
        ("Java class file", [0xCA, 0xFE, 0xBA, 0xBE]),
    ];

    /// <summary>The kind of file <paramref name="content"/> starts like, or null when no signature matches.</summary>
    public static string? Recognise(ReadOnlySpan<byte> content)
    {
        foreach (var (name, magic) in s_signatures)
        {
            if (content.StartsWith(magic))
            {
                // "BZh" is also how a text might begin; a real bzip2 header continues with the block size digit.
                if (magic.Length == 3 && magic[0] == (byte)'B' && (content.Length < 4 || content[3] is < (byte)'1' or > (byte)'9'))
                {
                    continue;
                }

                // "ID3"/"RIFF"/"OggS" are short words too; require a binary-looking byte soon after.
                if (name is "MP3 audio" or "RIFF media (WAV/AVI/WebP)" or "Ogg media" && !HasBinaryByte(content[..Math.Min(content.Length, 16)]))
                {
                    continue;
                }

                return name;
            }
        }

        // MP4/QuickTime: "ftyp" at offset 4.
        if (content.Length >= 12 && content[4..8].SequenceEqual("ftyp"u8))
        {
            return "MP4/QuickTime media";
        }

        return null;
    }

    private static bool HasBinaryByte(ReadOnlySpan<byte> span)
    {
        foreach (var b in span)
        {
            if (b < 0x09 || (b > 0x0D && b < 0x20))
            {
                return true;
            }
        }

        return false;
    }
}
