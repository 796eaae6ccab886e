namespace Pipeline.Core.Articles;

/// <summary>What a passage is.</summary>
public enum PassageKind
{
    /// <summary>Narrative text.</summary>
    Text,

    /// <summary>A quotation of someone's words.</summary>
    Quote,
}
