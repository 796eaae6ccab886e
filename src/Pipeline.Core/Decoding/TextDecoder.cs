using System.Text;
using System.Text.Unicode;
using Pipeline.Core.Articles;

namespace Pipeline.Core.Decoding;

/// <summary>Turns uploaded bytes into text: BOM-declared UTF-8/UTF-16, else BOM-less UTF-16 by its zero bytes, else UTF-8, else Windows-1252; refuses binaries.</summary>
internal static class TextDecoder
{
    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);
    private static readonly UnicodeEncoding s_utf16Le = new(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true);
    private static readonly UnicodeEncoding s_utf16Be = new(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);

    public static DecodedText Decode(ReadOnlySpan<byte> content)
    {
        if (content.IsEmpty)
        {
            return Reject(Rejection.Empty, "The file is empty.");
        }

        string text;
        string encoding;
        if (content.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            var body = content[3..];
            if (!Utf8.IsValid(body))
            {
                return Reject(Rejection.Undecodable, "The file starts with a UTF-8 byte order mark but is not valid UTF-8.");
            }

            text = s_utf8.GetString(body);
            encoding = "utf-8";
        }
        else if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || content.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            var bigEndian = content[0] == 0xFE;
            var body = content[2..];
            if (body.Length % 2 != 0)
            {
                return Reject(Rejection.Undecodable, "The file starts with a UTF-16 byte order mark but has an odd number of bytes.");
            }

            try
            {
                text = (bigEndian ? s_utf16Be : s_utf16Le).GetString(body);
            }
            catch (DecoderFallbackException)
            {
                return Reject(Rejection.Undecodable, "The file starts with a UTF-16 byte order mark but contains invalid UTF-16 (unpaired surrogates).");
            }

            encoding = bigEndian ? "utf-16be" : "utf-16le";
        }
        else
        {
            var kind = BinarySignatures.Recognise(content);
            if (kind is not null)
            {
                return Reject(Rejection.Binary, $"The file is a {kind}, not text.");
            }

            if (content.Contains((byte)0))
            {
                if (!Utf16Sniffer.LooksLikeUtf16(content, out var bigEndian))
                {
                    return Reject(Rejection.Binary, "The file contains NUL bytes, so it is binary (or UTF-16 without a byte order mark, in a script we cannot recognise), not text.");
                }

                try
                {
                    text = (bigEndian ? s_utf16Be : s_utf16Le).GetString(content);
                }
                catch (DecoderFallbackException)
                {
                    return Reject(Rejection.Binary, "The file contains NUL bytes like UTF-16 without a byte order mark, but is not valid UTF-16; it is treated as binary.");
                }

                encoding = bigEndian ? "utf-16be" : "utf-16le";
                return Checked(text, encoding);
            }

            if (Utf8.IsValid(content))
            {
                text = s_utf8.GetString(content);
                encoding = "utf-8";
            }
            else
            {
                text = Windows1252.Decode(content);
                encoding = "windows-1252";
            }
        }

        return Checked(text, encoding);
    }

    // What every decoding must pass: no NULs, few control characters, something besides whitespace.
    private static DecodedText Checked(string text, string encoding)
    {
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            return Reject(Rejection.Binary, "The text contains NUL characters, so the file is binary, not text.");
        }

        var controls = CountControls(text);
        if (controls > 0 && (long)controls * 100 > text.Length)
        {
            return Reject(Rejection.Binary, $"The file has {controls} control characters in {text.Length} characters, so it is binary, not text.");
        }

        if (text.AsSpan().Trim().IsEmpty || IsAllWhitespace(text))
        {
            return Reject(Rejection.Empty, "The file contains only whitespace.");
        }

        return new DecodedText(text, encoding, null);
    }

    private static DecodedText Reject(string code, string message) => new(null, string.Empty, new Rejection(code, message));

    private static int CountControls(string text)
    {
        var count = 0;
        foreach (var c in text)
        {
            if ((c < 0x20 && c is not ('\t' or '\n' or '\r' or '\f' or '\v')) || c is >= '\u007F' and <= '\u009F')
            {
                count++;
            }
        }

        return count;
    }

    private static bool IsAllWhitespace(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c) && c != '\uFEFF' && c != '\u200B')
            {
                return false;
            }
        }

        return true;
    }
}
