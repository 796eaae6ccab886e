using Pipeline.Core.Segmentation;
using Xunit;

namespace Pipeline.Core.Tests.Segmentation;

public class SpeakerNamesTests
{
    [Theory]
    [InlineData("Kirby", "kirby")]
    [InlineData("Pentagon spokesman Rear Adm. John F. Kirby", "kirby")]
    [InlineData("Rear Admiral John Kirby", "kirby")]
    [InlineData("Iraq’s Prime Minister Haider al-Abadi", "al-abadi")]
    [InlineData("Martin Luther King Jr.", "king")]
    [InlineData("Kerry's", "kerry")]
    public void KeyOf_Speaker_IsCaseFoldedSurname(string speaker, string key)
    {
        Assert.Equal(key, SpeakerNames.KeyOf(speaker));
    }
}
