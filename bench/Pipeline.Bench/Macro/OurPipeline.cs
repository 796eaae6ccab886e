using System.Text;
using Pipeline.Core.Alignments;
using Pipeline.Core.Articles;
using Pipeline.Core.Candidates;

namespace Pipeline.Bench.Macro;

/// <summary>The project's own path, stage by stage, so each stage can be timed on its own.</summary>
internal sealed class OurPipeline
{
    private readonly CandidateIndex _index = new();

    public int Count => _index.Count;

    public static Article Prepare(string name, string text) => Prepare(name, Encoding.UTF8.GetBytes(text));

    public static Article Prepare(string name, byte[] content)
    {
        var result = ArticleReader.Read(name, content);
        return result.Article ?? throw new InvalidDataException($"{name} was rejected: {result.Rejection}");
    }

    public static IReadOnlyList<Shingle> Fingerprint(Article article) => Core.Candidates.Fingerprint.Of(article);

    public void Add(string name, IReadOnlyList<Shingle> shingles) => _index.Add(name, shingles);

    public IReadOnlyList<string> FindCandidates(IReadOnlyList<Shingle> shingles, string name) =>
        _index.FindCandidates(shingles, name).Select(c => c.Article).ToList();

    public IReadOnlyList<Candidate> FindRanked(IReadOnlyList<Shingle> shingles, string name) => _index.FindCandidates(shingles, name);

    public static IReadOnlyList<Alignment> Align(Article source, Article target) => PassageAligner.Align(source, target);
}
