namespace Pipeline.Core.Clusters;

/// <summary>One article's version of a clustered passage: the union of its aligned spans.</summary>
/// <param name="Article">The article's name.</param>
/// <param name="Start">Offset of the first character in the article's original text.</param>
/// <param name="End">Offset just past the last character.</param>
/// <param name="Text">The original text of the span.</param>
public sealed record ClusterMember(string Article, int Start, int End, string Text);
