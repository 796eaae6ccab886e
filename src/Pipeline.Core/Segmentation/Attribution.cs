namespace Pipeline.Core.Segmentation;

/// <summary>What a stretch of narrative says about who is speaking.</summary>
internal enum AttributionKind
{
    /// <summary>No speech verb: nothing said about a speaker.</summary>
    None,

    /// <summary>A speech verb with a named speaker.</summary>
    Named,

    /// <summary>A speech verb whose subject is "he" or "she".</summary>
    Pronoun,

    /// <summary>A speech verb whose subject is not a name ("a senior official told Reuters").</summary>
    Unnamed,
}

/// <summary>The attribution found in a stretch of narrative.</summary>
internal readonly record struct Attribution(AttributionKind Kind, string? Name)
{
    public static Attribution None => new(AttributionKind.None, null);
}
