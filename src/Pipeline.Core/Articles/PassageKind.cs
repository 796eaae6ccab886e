namespace Pipeline.Core.Articles;

/// <summary>What a passage is.</summary>
public enum PassageKind
{
    /// <summary>Narrative text.</summary>
    Text,

    /// <summary>A quotation of someone's words.</summary>
    Quote,

    /// <summary>A whole article carried by another outlet word for word or nearly (a wire story): see <see cref="Duplicates.ArticleCopies"/>.</summary>
    Copy,
}
