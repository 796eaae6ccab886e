using System.Text;
using Pipeline.Core.Articles;

namespace Pipeline.Core.Normalization;

/// <summary>Builds a normalized text and its <see cref="OffsetMap"/> together, merging contiguous copies into runs.</summary>
internal sealed class OffsetMapBuilder(string original)
{
    private readonly StringBuilder _text = new();
    private readonly List<OffsetRun> _runs = [];

    public int Length => _text.Length;

    /// <summary>Appends original[start, end) unchanged.</summary>
    public void Copy(int start, int end)
    {
        if (end <= start)
        {
            return;
        }

        var length = end - start;
        if (_runs.Count > 0)
        {
            var last = _runs[^1];
            if (last.From + last.Length == _text.Length && last.OriginalFrom + last.Length == start)
            {
                _runs[^1] = last with { Length = last.Length + length };
                _text.Append(original, start, length);
                return;
            }
        }

        _runs.Add(new OffsetRun(_text.Length, start, length));
        _text.Append(original, start, length);
    }

    /// <summary>Appends a character that stands for original[originalIndex] (a collapsed space, a paragraph break).</summary>
    public void Synthesize(char c, int originalIndex)
    {
        if (originalIndex < original.Length && original[originalIndex] == c)
        {
            Copy(originalIndex, originalIndex + 1);
            return;
        }

        _runs.Add(new OffsetRun(_text.Length, originalIndex, 1));
        _text.Append(c);
    }

    public (string Text, OffsetMap Map) Build() => (_text.ToString(), new OffsetMap(_runs.ToArray()));
}
