using Pipeline.Core.Alignments;
using Pipeline.Core.Articles;

namespace Pipeline.Cli;

/// <summary>The lower-case words the CLI prints for enum values.</summary>
internal static class Names
{
    /// <summary>"quote", "copy" or "text".</summary>
    public static string Of(PassageKind kind) => kind switch
    {
        PassageKind.Quote => "quote",
        PassageKind.Copy => "copy",
        _ => "text",
    };

    /// <summary>"equal", "insert" or "delete".</summary>
    public static string Of(DiffOp op) => op switch
    {
        DiffOp.Insert => "insert",
        DiffOp.Delete => "delete",
        _ => "equal",
    };
}
