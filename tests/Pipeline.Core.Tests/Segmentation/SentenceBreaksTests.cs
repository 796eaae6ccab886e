using Pipeline.Core.Segmentation;
using Xunit;

namespace Pipeline.Core.Tests.Segmentation;

public class SentenceBreaksTests
{
    private static string[] Sentences(string text)
    {
        var result = new List<string>();
        var from = 0;
        foreach (var b in SentenceBreaks.Find(text, 0, text.Length))
        {
            result.Add(text[from..b].Trim());
            from = b;
        }

        result.Add(text[from..].Trim());
        return result.ToArray();
    }

    [Theory]
    [InlineData("The U.S. Secretary of State spoke. Then he left.", 2)]
    [InlineData("Pentagon spokesman Rear Adm. John F. Kirby said so. Others agreed.", 2)]
    [InlineData("Maj. Gen. Mohammad Ali Jafari said it. Then silence.", 2)]
    [InlineData("Dr. Smith arrived at 10 a.m. Thursday and left.", 1)]
    [InlineData("Growth was 1.5 percent. It was 2.5 last year.", 2)]
    [InlineData("Is it over? Yes! It is.", 3)]
    [InlineData("He said so... and left.", 1)]
    [InlineData("He said \"no.\" Then he left.", 2)]
    [InlineData("no terminal punctuation here", 1)]
    public void Find_Text_SplitsSentencesAwareOfAbbreviations(string text, int count)
    {
        Assert.Equal(count, Sentences(text).Length);
    }

    [Fact]
    public void Find_Initials_DoNotEndSentences()
    {
        Assert.Equal(["Spokesman John F. Kirby spoke.", "Rear Adm. Kirby left."], Sentences("Spokesman John F. Kirby spoke. Rear Adm. Kirby left."));
    }
}
