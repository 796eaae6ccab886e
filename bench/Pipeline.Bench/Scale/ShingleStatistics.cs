using System.Globalization;
using Pipeline.Bench.Corpus;
using Pipeline.Bench.Macro;
using Pipeline.Core.Candidates;
using Pipeline.Core.Candidates.Sharding;

namespace Pipeline.Bench.Scale;

/// <summary>How shingles are shared in the real corpus: for each shingle hash, in how many distinct stories it occurs.</summary>
/// <remarks>Stories (index.tsv's event column) matter more than articles: several outlets' copies of one story share
/// quotes, and that sharing does not grow with the corpus; a shingle found in two different stories is shared language,
/// and that does grow with the corpus.</remarks>
internal sealed class ShingleStatistics
{
    private readonly Dictionary<ulong, (int Stories, int Articles)> _spread;

    private ShingleStatistics(IReadOnlyList<MeasuredArticle> articles, Dictionary<ulong, (int, int)> spread, int storyCount, string origin)
    {
        Articles = articles;
        _spread = spread;
        StoryCount = storyCount;
        Origin = origin;
    }

    /// <summary>The real articles in publication order.</summary>
    public IReadOnlyList<MeasuredArticle> Articles { get; }

    /// <summary>Distinct stories in the corpus.</summary>
    public int StoryCount { get; }

    /// <summary>Where the corpus was read from.</summary>
    public string Origin { get; }

    /// <summary>Stories and articles a shingle occurs in ((0, 0) when the corpus never has it).</summary>
    public (int Stories, int Articles) SpreadOf(ulong hash) => _spread.GetValueOrDefault(hash);

    /// <summary>Mean length of an article key, so synthetic postings weigh what real ones do.</summary>
    public int MeanKeyLength => (int)Math.Round(Articles.Average(a => a.Key.Length));

    /// <summary>Reads and fingerprints the real corpus (at run time; nothing is copied into the repository).</summary>
    public static ShingleStatistics Load(RealCorpus corpus)
    {
        var meta = ReadIndex(corpus.Origin);
        var articles = new List<MeasuredArticle>();
        foreach (var real in corpus.Articles)
        {
            Core.Articles.Article article;
            try
            {
                article = OurPipeline.Prepare(real.Name, real.Text);
            }
            catch (InvalidDataException)
            {
                continue;
            }

            var (story, published) = meta.GetValueOrDefault(real.Name, (real.Name, new DateTimeOffset(2018, 1, 1, 0, 0, 0, TimeSpan.Zero)));
            articles.Add(new MeasuredArticle(real.Name, story, published, Fingerprint.Of(article, ShardingOptions.Fingerprint), Fingerprint.Of(article).Count, QuerySample.Quotes(article)));
        }

        articles.Sort((a, b) => a.Published != b.Published ? a.Published.CompareTo(b.Published) : string.CompareOrdinal(a.Key, b.Key));
        var perStory = new Dictionary<ulong, HashSet<string>>();
        var perArticle = new Dictionary<ulong, int>();
        foreach (var article in articles)
        {
            foreach (var hash in article.Shingles.Select(s => s.Hash).Distinct())
            {
                if (!perStory.TryGetValue(hash, out var stories))
                {
                    perStory[hash] = stories = new HashSet<string>(StringComparer.Ordinal);
                }

                stories.Add(article.Event);
                perArticle[hash] = perArticle.GetValueOrDefault(hash) + 1;
            }
        }

        var storyCount = articles.Select(a => a.Event).Distinct(StringComparer.Ordinal).Count();
        return new ShingleStatistics(articles, perStory.ToDictionary(p => p.Key, p => (p.Value.Count, perArticle[p.Key])), storyCount, corpus.Origin);
    }

    // index.tsv: file, event, outlet, title, url, date_publish.
    private static Dictionary<string, (string Event, DateTimeOffset Published)> ReadIndex(string directory)
    {
        var path = Path.Combine(directory, "index.tsv");
        var result = new Dictionary<string, (string, DateTimeOffset)>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return result;
        }

        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var fields = line.Split('\t');
            if (fields.Length >= 6)
            {
                var published = DateTimeOffset.TryParse(fields[5], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var p)
                    ? p
                    : new DateTimeOffset(2018, 1, 1, 0, 0, 0, TimeSpan.Zero);
                result[fields[0]] = (fields[1], published);
            }
        }

        return result;
    }
}
