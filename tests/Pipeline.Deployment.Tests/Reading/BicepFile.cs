using System.Text;
using System.Text.RegularExpressions;

namespace Pipeline.Deployment.Tests.Reading;

/// <summary>A `param` declaration: type and the raw default expression, if any.</summary>
internal sealed record BicepParam(string Name, string Type, string? Default);

/// <summary>A `resource` (or `module`) declaration with the raw text of its body object.</summary>
internal sealed record BicepResource(string Symbol, string Type, string ApiVersion, bool Existing, string Body)
{
    public BicepObject Properties => BicepObject.Parse(Body);
}

/// <summary>A `module` declaration: the file it points at and the raw `params` object.</summary>
internal sealed record BicepModule(string Symbol, string Path, string Body)
{
    public BicepObject Params => BicepObject.Parse(Body).Object("params");
}

/// <summary>
/// A deliberately small Bicep reader: enough to see declarations and the top-level keys of object literals.
/// No Bicep compiler is available where these tests run, so they check structure and cross-file agreement,
/// not Bicep semantics.
/// </summary>
internal sealed partial class BicepFile
{
    private BicepFile(string path, string text)
    {
        Path = path;
        Text = text;
    }

    public string Path { get; }

    /// <summary>The file text with comments removed (strings kept intact).</summary>
    public string Text { get; }

    public static BicepFile Load(params string[] parts)
    {
        var path = Repo.File(parts);
        Assert.True(File.Exists(path), $"expected Bicep file {path} to exist");
        return new BicepFile(path, StripComments(File.ReadAllText(path)));
    }

    public IReadOnlyDictionary<string, BicepParam> Params =>
        ParamPattern().Matches(Text).Select(match => new BicepParam(
                match.Groups["name"].Value,
                match.Groups["type"].Value,
                match.Groups["default"].Success ? match.Groups["default"].Value.Trim() : null))
            .ToDictionary(param => param.Name, StringComparer.Ordinal);

    public IReadOnlyList<string> Outputs =>
        OutputPattern().Matches(Text).Select(match => match.Groups["name"].Value).ToList();

    public IReadOnlyList<BicepResource> Resources =>
        ResourcePattern().Matches(Text).Select(match => new BicepResource(
                match.Groups["symbol"].Value,
                match.Groups["type"].Value,
                match.Groups["version"].Value,
                match.Groups["existing"].Success,
                BicepObject.BlockAfter(Text, match.Index + match.Length)))
            .ToList();

    public IReadOnlyList<BicepModule> Modules =>
        ModulePattern().Matches(Text).Select(match => new BicepModule(
                match.Groups["symbol"].Value,
                match.Groups["path"].Value,
                BicepObject.BlockAfter(Text, match.Index + match.Length)))
            .ToList();

    public IEnumerable<BicepResource> ResourcesOfType(string type) =>
        Resources.Where(resource => string.Equals(resource.Type, type, StringComparison.OrdinalIgnoreCase));

    /// <summary>The raw expression of `var name = ...` (a whole block when it is an array or object).</summary>
    public string Var(string name)
    {
        var match = Regex.Match(Text, $@"^var\s+{Regex.Escape(name)}\s*=\s*", RegexOptions.Multiline);
        Assert.True(match.Success, $"{Path}: no `var {name}`");
        var start = match.Index + match.Length;
        if (Text[start] is '[' or '{')
        {
            return Text[start..(BicepObject.MatchingClose(Text, start) + 1)];
        }

        var end = Text.IndexOf('\n', start);
        return Text[start..(end < 0 ? Text.Length : end)].Trim();
    }

    /// <summary>Elements of an array literal: quoted strings unquoted, identifiers resolved through `var`s when literal.</summary>
    public IReadOnlyList<string> ArrayVar(string name)
    {
        var raw = Var(name);
        Assert.True(raw.StartsWith('['), $"{Path}: var {name} is not an array literal");
        return BicepObject.TopLevelEntries(raw[1..^1]).Select(Resolve).ToList();
    }

    /// <summary>A quoted literal → its value; a `var` identifier → that var's value; anything else as written.</summary>
    public string Resolve(string expression)
    {
        expression = expression.Trim();
        if (BicepObject.IsStringLiteral(expression))
        {
            return BicepObject.Unquote(expression);
        }

        return IdentifierPattern().IsMatch(expression) && Regex.IsMatch(Text, $@"^var\s+{expression}\s*=", RegexOptions.Multiline)
            ? Resolve(Var(expression))
            : expression;
    }

    private static string StripComments(string source)
    {
        var result = new StringBuilder(source.Length);
        var inString = false;
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            if (inString)
            {
                result.Append(c);
                if (c == '\\' && i + 1 < source.Length)
                {
                    result.Append(source[++i]);
                }
                else if (c == '\'')
                {
                    inString = false;
                }
            }
            else if (c == '\'')
            {
                inString = true;
                result.Append(c);
            }
            else if (c == '/' && i + 1 < source.Length && source[i + 1] == '/')
            {
                while (i < source.Length && source[i] != '\n')
                {
                    i++;
                }

                result.Append('\n');
            }
            else if (c == '/' && i + 1 < source.Length && source[i + 1] == '*')
            {
                var end = source.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? source.Length : end + 1;
            }
            else
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }

    [GeneratedRegex(@"^param\s+(?<name>\w+)\s+(?<type>\w+)(?:[ \t]*=[ \t]*(?<default>[^\r\n]+))?", RegexOptions.Multiline)]
    private static partial Regex ParamPattern();

    [GeneratedRegex(@"^output\s+(?<name>\w+)\s+\w+", RegexOptions.Multiline)]
    private static partial Regex OutputPattern();

    [GeneratedRegex(@"^resource\s+(?<symbol>\w+)\s+'(?<type>[^'@]+)@(?<version>[^']+)'\s*(?<existing>existing\s*)?=", RegexOptions.Multiline)]
    private static partial Regex ResourcePattern();

    [GeneratedRegex(@"^module\s+(?<symbol>\w+)\s+'(?<path>[^']+)'\s*=", RegexOptions.Multiline)]
    private static partial Regex ModulePattern();

    [GeneratedRegex(@"^[A-Za-z_]\w*$")]
    private static partial Regex IdentifierPattern();
}
