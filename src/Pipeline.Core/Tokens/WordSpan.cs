namespace Pipeline.Core.Tokens;

/// <summary>A word found in a text: [Start, End) and its matching key.</summary>
internal readonly record struct WordSpan(int Start, int End, string Key);
