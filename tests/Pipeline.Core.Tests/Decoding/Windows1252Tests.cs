using Pipeline.Core.Decoding;
using Xunit;

namespace Pipeline.Core.Tests.Decoding;

public class Windows1252Tests
{
    [Theory]
    [InlineData(0x80, '\u20AC')]
    [InlineData(0x85, '\u2026')]
    [InlineData(0x91, '\u2018')]
    [InlineData(0x92, '\u2019')]
    [InlineData(0x93, '\u201C')]
    [InlineData(0x94, '\u201D')]
    [InlineData(0x96, '\u2013')]
    [InlineData(0x97, '\u2014')]
    [InlineData(0x9F, '\u0178')]
    [InlineData(0xA9, '\u00A9')]
    [InlineData(0xE9, '\u00E9')]
    [InlineData(0x41, 'A')]
    public void Decode_Byte_MapsToWindows1252Character(int value, char expected)
    {
        Assert.Equal(expected.ToString(), Windows1252.Decode([(byte)value]));
    }

    [Fact]
    public void Decode_EveryByte_MatchesTheFrameworkCodePage()
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var reference = System.Text.Encoding.GetEncoding(1252);
        var all = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();

        var ours = Windows1252.Decode(all);

        for (var i = 0; i < 256; i++)
        {
            var theirs = reference.GetString(all, i, 1);
            // The framework maps the five undefined bytes to their C1 controls too.
            Assert.True(theirs == ours[i].ToString(), $"byte 0x{i:X2}: framework {(int)theirs[0]:X4}, ours {(int)ours[i]:X4}");
        }
    }
}
