namespace Pipeline.Core.Articles;

/// <summary>Facts about a token that change how it is matched.</summary>
[Flags]
public enum TokenFlags
{
    /// <summary>An ordinary word.</summary>
    None = 0,

    /// <summary>Inside an editorial insertion such as "[ISIL]" or "(the Iranians)": shown, never required to match.</summary>
    Editorial = 1,

    /// <summary>Inside a quotation.</summary>
    Quoted = 2,
}
