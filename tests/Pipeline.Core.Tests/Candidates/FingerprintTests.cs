using Pipeline.Core.Candidates;
using Pipeline.Core.Tests.Support;
using Xunit;

namespace Pipeline.Core.Tests.Candidates;

public class FingerprintTests
{
    private const string Quote = "We are not coordinating with nor are we deconflicting with Iranian military forces over Diyala province.";

    [Fact]
    public void Of_SameWordsDifferentLayout_SameHashes()
    {
        var a = Fingerprint.Of(TestArticles.From("a", Quote));
        var b = Fingerprint.Of(TestArticles.From("b", "  " + Quote.Replace(" ", "\n  ", StringComparison.Ordinal)));

        Assert.NotEmpty(a);
        Assert.Equal(a.Select(s => s.Hash), b.Select(s => s.Hash));
    }

    [Fact]
    public void Of_EditorialInsertion_DoesNotChangeHashes()
    {
        var plain = Fingerprint.Of(TestArticles.From("a", "\"If Iran is taking on in some particular place and it has an impact then the net effect is positive\""));
        var edited = Fingerprint.Of(TestArticles.From("b", "\"If Iran is taking on [ISIL] in some particular place and it has an impact then the net effect [that] is positive\""));

        Assert.Equal(plain.Select(s => s.Hash), edited.Select(s => s.Hash));
    }

    [Fact]
    public void Of_StopwordsOnly_NoShingles()
    {
        Assert.Empty(Fingerprint.Of(TestArticles.From("a", "it is going to be that we are not so"), new FingerprintOptions(Window: 1)));
    }

    [Fact]
    public void Of_Hashes_AreStableAcrossProcesses()
    {
        // Persisted postings depend on this exact value; changing the scheme must bump Fingerprint.Version.
        var shingles = Fingerprint.Of(TestArticles.From("a", "Iranian military forces deconflicting"), new FingerprintOptions(Window: 1));

        var shingle = Assert.Single(shingles);
        Assert.Equal(0, shingle.Position);
        Assert.Equal(StableHashOfKnownShingle, shingle.Hash);
        Assert.Equal(1, Fingerprint.Version);
    }

    [Fact]
    public void Of_Winnowing_KeepsAShingleOfEverySharedRunOfSevenWords()
    {
        var words = Enumerable.Range(0, 200).Select(i => "w" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var all = Fingerprint.Of(TestArticles.From("a", string.Join(' ', words)), new FingerprintOptions(Window: 1));
        var winnowed = Fingerprint.Of(TestArticles.From("a", string.Join(' ', words)));

        Assert.InRange(winnowed.Count, all.Count / 4, all.Count * 3 / 5);
        for (var start = 0; start + 7 <= words.Length; start++)
        {
            var run = Fingerprint.Of(TestArticles.From("r", string.Join(' ', words[start..(start + 7)])), new FingerprintOptions(Window: 1));
            Assert.Contains(winnowed, s => run.Any(r => r.Hash == s.Hash));
        }
    }

    private const ulong StableHashOfKnownShingle = 16537270409808408067UL;
}
