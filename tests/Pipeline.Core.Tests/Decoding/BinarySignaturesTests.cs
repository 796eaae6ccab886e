using System.Text;
using Pipeline.Core.Decoding;
using Xunit;

namespace Pipeline.Core.Tests.Decoding;

public class BinarySignaturesTests
{
    [Theory]
    [InlineData(new byte[] { 0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C, 0, 4 }, "7-Zip archive")]
    [InlineData(new byte[] { 0x7F, 0x45, 0x4C, 0x46, 2, 1, 1 }, "ELF executable")]
    [InlineData(new byte[] { 0x42, 0x5A, 0x68, 0x39, 0x31, 0x41 }, "bzip2 archive")]
    [InlineData(new byte[] { 0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x6D, 0x70, 0x34, 0x32 }, "MP4/QuickTime media")]
    public void Recognise_KnownSignature_NamesFormat(byte[] bytes, string expected)
    {
        Assert.Equal(expected, BinarySignatures.Recognise(bytes));
    }

    [Theory]
    [InlineData("Kirby said the strikes were Iraq's business.")]
    [InlineData("BZh")]
    [InlineData("RIFF between the allies")]
    [InlineData("")]
    public void Recognise_PlainText_ReturnsNull(string text)
    {
        Assert.Null(BinarySignatures.Recognise(Encoding.UTF8.GetBytes(text)));
    }
}
