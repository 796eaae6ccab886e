using Pipeline.Core.Candidates;

namespace Pipeline.Bench.Scale;

/// <summary>A real article as the simulation feeds it to the index: key, story, publication time and every shingle.</summary>
/// <param name="Key">Blob name.</param>
/// <param name="Event">The story it reports (index.tsv's event column; its own name when unknown).</param>
/// <param name="Published">Publication time (index.tsv's date_publish; a fixed date when unknown).</param>
/// <param name="Shingles">Every shingle (<c>ShardingOptions.Fingerprint</c>), what the app gives the index.</param>
/// <param name="Winnowed">The default winnowed shingles: what today's one-row-per-article index stores.</param>
/// <param name="Quotes">Token ranges of its quotes, looked up in full as the app does (<c>QuerySample.Quotes</c>).</param>
internal sealed record MeasuredArticle(string Key, string Event, DateTimeOffset Published, IReadOnlyList<Shingle> Shingles, int Winnowed, IReadOnlyList<(int First, int Count)> Quotes);
