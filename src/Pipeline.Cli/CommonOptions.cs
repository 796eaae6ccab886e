using System.CommandLine;
using System.Globalization;
using Pipeline.Core.Alignments;

namespace Pipeline.Cli;

/// <summary>Arguments and options shared by the align and clusters verbs.</summary>
internal static class CommonOptions
{
    /// <summary>One or more files or folders (folders are searched recursively).</summary>
    public static Argument<string[]> Inputs() => new("inputs")
    {
        Description = "Article files, or folders of them.",
        Arity = ArgumentArity.OneOrMore,
    };

    /// <summary>--min-score S, a number in [0, 1].</summary>
    public static Option<double> MinScore()
    {
        var option = new Option<double>("--min-score")
        {
            Description = "Lowest similarity in [0, 1] for an alignment to be printed.",
            DefaultValueFactory = _ => AlignmentOptions.Default.MinScore,
        };
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<double>();
            if (double.IsNaN(value) || value < 0 || value > 1)
            {
                result.AddError(string.Create(CultureInfo.InvariantCulture, $"--min-score must be between 0 and 1, not {value}."));
            }
        });
        return option;
    }

    /// <summary>--format json|table.</summary>
    public static Option<string> Format()
    {
        var option = new Option<string>("--format")
        {
            Description = "json (one object per line, the default) or table.",
            DefaultValueFactory = _ => "json",
        };
        option.AcceptOnlyFromAmong("json", "table");
        return option;
    }
}
