using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Pipeline.Core.Alignments;
using Pipeline.Core.Clusters;

namespace Pipeline.Cli;

/// <summary>One JSON object per line, so the output can be streamed into jq or another program.</summary>
internal static class JsonLines
{
    // Readable non-ASCII (curly quotes, names) is fine here: the output is never embedded in HTML.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes {"source":{...},"target":{...},"score","kind","diff":[{"op","text"}]}.</summary>
    public static void Write(TextWriter output, Alignment alignment) => WriteLine(output, json =>
    {
        json.WriteStartObject();
        WriteSpan(json, "source", alignment.Source);
        WriteSpan(json, "target", alignment.Target);
        json.WriteNumber("score", alignment.Score);
        json.WriteString("kind", Names.Of(alignment.Kind));
        json.WriteStartArray("diff");
        foreach (var run in alignment.Diff)
        {
            json.WriteStartObject();
            json.WriteString("op", Names.Of(run.Op));
            json.WriteString("text", run.Text);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    });

    /// <summary>Writes {"id","speaker","members":[{"file","start","end","text"}]}.</summary>
    public static void Write(TextWriter output, PassageCluster cluster) => WriteLine(output, json =>
    {
        json.WriteStartObject();
        json.WriteString("id", cluster.Id);
        json.WriteString("speaker", cluster.Speaker);
        json.WriteStartArray("members");
        foreach (var member in cluster.Members)
        {
            json.WriteStartObject();
            json.WriteString("file", member.Article);
            json.WriteNumber("start", member.Start);
            json.WriteNumber("end", member.End);
            json.WriteString("text", member.Text);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    });

    private static void WriteSpan(Utf8JsonWriter json, string name, AlignedSpan span)
    {
        json.WriteStartObject(name);
        json.WriteString("file", span.Article);
        json.WriteNumber("start", span.Start);
        json.WriteNumber("end", span.End);
        json.WriteString("text", span.Text);
        if (span.Speaker is not null)
        {
            json.WriteString("speaker", span.Speaker);
        }

        json.WriteEndObject();
    }

    private static void WriteLine(TextWriter output, Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            write(json);
        }

        output.WriteLine(Encoding.UTF8.GetString(buffer.WrittenSpan));
    }
}
