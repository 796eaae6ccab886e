namespace Pipeline.Bench.Corpus;

/// <summary>One generated article and where its planted passages landed.</summary>
/// <param name="Name">Blob-style name, <c>outlet/story--id.txt</c>.</param>
/// <param name="Text">The article text as it would be uploaded.</param>
/// <param name="Planted">The planted passages it carries.</param>
internal sealed record GeneratedArticle(string Name, string Text, IReadOnlyList<PlantedCopy> Planted);

/// <summary>One copy of a planted passage: which passage, its character span in the article text, and the edits this copy got.</summary>
internal sealed record PlantedCopy(long PassageId, int Start, int End, OutletEdit Edits);

/// <summary>A pair the aligner must find: this passage is in the new article and in a stored one.</summary>
internal sealed record ExpectedMatch(int StoredIndex, long PassageId, PlantedCopy InQuery, PlantedCopy InStored);
