using System.CommandLine;

namespace Pipeline.Cli;

/// <summary>`pipeline normalize &lt;file&gt;`: the article's normalized prose, as alignment sees it.</summary>
internal static class NormalizeCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("file") { Description = "The article file to normalize." };
        var command = new Command("normalize", "Print the normalized text of one article.") { file };
        command.SetAction(parsed =>
        {
            var article = ArticleFiles.ReadOne(parsed.GetRequiredValue(file), console);
            if (article is null)
            {
                return PipelineCli.NothingProcessed;
            }

            console.Output.WriteLine(article.Text);
            return 0;
        });
        return command;
    }
}
