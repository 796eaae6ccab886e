using Pipeline.Core.Articles;

namespace Pipeline.Core.Decoding;

/// <summary>Text decoded from bytes, or why it could not be.</summary>
internal readonly record struct DecodedText(string? Text, string Encoding, Rejection? Rejection);
