using System.Text;
using Pipeline.Core.Articles;
using Pipeline.Core.Decoding;
using Xunit;

namespace Pipeline.Core.Tests.Decoding;

public class TextDecoderTests
{
    private const string Sample = "Kirby said it’s “de-conflicted” — café.";

    [Fact]
    public void Decode_Utf8WithoutBom_ReturnsText()
    {
        var decoded = TextDecoder.Decode(Encoding.UTF8.GetBytes(Sample));

        Assert.Null(decoded.Rejection);
        Assert.Equal(Sample, decoded.Text);
        Assert.Equal("utf-8", decoded.Encoding);
    }

    [Fact]
    public void Decode_Utf8WithBom_DropsBom()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(Sample)).ToArray();

        var decoded = TextDecoder.Decode(bytes);

        Assert.Equal(Sample, decoded.Text);
    }

    [Fact]
    public void Decode_Utf16LeWithBom_ReturnsText()
    {
        var bytes = new byte[] { 0xFF, 0xFE }.Concat(Encoding.Unicode.GetBytes(Sample)).ToArray();

        var decoded = TextDecoder.Decode(bytes);

        Assert.Equal(Sample, decoded.Text);
        Assert.Equal("utf-16le", decoded.Encoding);
    }

    [Fact]
    public void Decode_Utf16BeWithBom_ReturnsText()
    {
        var bytes = new byte[] { 0xFE, 0xFF }.Concat(Encoding.BigEndianUnicode.GetBytes(Sample)).ToArray();

        var decoded = TextDecoder.Decode(bytes);

        Assert.Equal(Sample, decoded.Text);
        Assert.Equal("utf-16be", decoded.Encoding);
    }

    [Fact]
    public void Decode_Utf16WithLoneSurrogate_RejectsUndecodable()
    {
        var bytes = new byte[] { 0xFF, 0xFE, (byte)'a', 0, 0x00, 0xD8, (byte)'b', 0 };

        var decoded = TextDecoder.Decode(bytes);

        Assert.Equal(Rejection.Undecodable, decoded.Rejection?.Code);
    }

    [Fact]
    public void Decode_Utf16WithOddLength_RejectsUndecodable()
    {
        var decoded = TextDecoder.Decode([0xFF, 0xFE, (byte)'a', 0, (byte)'b']);

        Assert.Equal(Rejection.Undecodable, decoded.Rejection?.Code);
    }

    [Fact]
    public void Decode_InvalidUtf8_FallsBackToWindows1252()
    {
        // "it’s “café”" in Windows-1252: 0x92 apostrophe, 0x93/0x94 quotes, 0xE9 é.
        byte[] bytes = [(byte)'i', (byte)'t', 0x92, (byte)'s', (byte)' ', 0x93, (byte)'c', (byte)'a', (byte)'f', 0xE9, 0x94];

        var decoded = TextDecoder.Decode(bytes);

        Assert.Equal("it\u2019s \u201Ccaf\u00E9\u201D", decoded.Text);
        Assert.Equal("windows-1252", decoded.Encoding);
    }

    [Fact]
    public void Decode_NoBytes_RejectsEmpty()
    {
        Assert.Equal(Rejection.Empty, TextDecoder.Decode([]).Rejection?.Code);
    }

    [Fact]
    public void Decode_OnlyWhitespace_RejectsEmpty()
    {
        Assert.Equal(Rejection.Empty, TextDecoder.Decode(Encoding.UTF8.GetBytes(" \r\n\t\u00A0\n ")).Rejection?.Code);
    }

    [Theory]
    [InlineData(false, "utf-16le")]
    [InlineData(true, "utf-16be")]
    public void Decode_Utf16WithoutBom_RecognisedByItsZeroBytes(bool bigEndian, string encoding)
    {
        var bytes = new UnicodeEncoding(bigEndian, byteOrderMark: false).GetBytes(Sample + " Iran’s strikes were “real,” officials said.");

        var decoded = TextDecoder.Decode(bytes);

        Assert.Null(decoded.Rejection);
        Assert.Equal(encoding, decoded.Encoding);
        Assert.StartsWith(Sample, decoded.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_BinaryWithZeroBytesInBothPositions_StillRejectsBinary()
    {
        // Zeros at even and odd offsets alike: not the pattern of UTF-16 text.
        var bytes = Enumerable.Range(0, 4000).Select(i => (byte)(i % 7 == 0 || i % 5 == 0 ? 0 : 'a' + (i % 26))).ToArray();

        Assert.Equal(Rejection.Binary, TextDecoder.Decode(bytes).Rejection?.Code);
    }

    [Fact]
    public void Decode_NulBytes_RejectsBinary()
    {
        var decoded = TextDecoder.Decode(Encoding.UTF8.GetBytes("some text\0with a nul"));

        Assert.Equal(Rejection.Binary, decoded.Rejection?.Code);
        Assert.Contains("NUL", decoded.Rejection!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_DenseControlCharacters_RejectsBinary()
    {
        var bytes = Enumerable.Range(0, 400).Select(i => (byte)(i % 3 == 0 ? 0x01 + (i % 7) : 'a')).ToArray();

        Assert.Equal(Rejection.Binary, TextDecoder.Decode(bytes).Rejection?.Code);
    }

    [Fact]
    public void Decode_SingleStrayControlInLongText_IsAccepted()
    {
        var text = string.Concat(Enumerable.Repeat("A sentence of plain prose. ", 10)) + "\u0007";

        Assert.Null(TextDecoder.Decode(Encoding.UTF8.GetBytes(text)).Rejection);
    }

    [Theory]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2 }, "PNG")]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37, 0x0A }, "PDF")]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0x00 }, "ZIP")]
    [InlineData(new byte[] { 0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x01, 0x00 }, "GIF")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10 }, "JPEG")]
    [InlineData(new byte[] { 0x1F, 0x8B, 0x08, 0x00 }, "gzip")]
    public void Decode_KnownMagicNumber_RejectsBinaryNamingTheFormat(byte[] bytes, string format)
    {
        var decoded = TextDecoder.Decode(bytes);

        Assert.Equal(Rejection.Binary, decoded.Rejection?.Code);
        Assert.Contains(format, decoded.Rejection!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_PdfHeaderWithoutBinaryBytes_StillRejectsBinary()
    {
        Assert.Equal(Rejection.Binary, TextDecoder.Decode(Encoding.ASCII.GetBytes("%PDF-1.4 text only")).Rejection?.Code);
    }

    [Fact]
    public void Decode_TextThatStartsLikeAShortSignature_IsAccepted()
    {
        Assert.Null(TextDecoder.Decode(Encoding.ASCII.GetBytes("ID3 tags are metadata. RIFF is a container. BZh is not bzip2.")).Rejection);
    }
}
