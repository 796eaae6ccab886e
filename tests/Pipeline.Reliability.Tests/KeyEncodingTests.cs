using Pipeline.Functions.Storage;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace Pipeline.Reliability.Tests;

/// <summary>TableKey.Encode is injective and always yields a valid key, whatever the blob name.</summary>
public sealed class KeyEncodingTests
{
    // Characters that naive encodings (URL-escaping, replacing '/' with '_', dropping controls) would merge.
    private static readonly char[] s_tricky =
        ['a', 'A', 'z', '0', '9', '~', '/', '\\', '#', '?', '%', '2', 'F', 'f', '_', '-', '.', ' ', '\t', '\0', '\u007F', '\u0085', 'é', 'e', '\u0301', '中', '\uD800', '\uDC00', '\uFFFF', '+', '\'', '"'];

    private static Gen<string> Names() =>
        Gen.OneOf(
            Gen.Choose(0, 40).SelectMany(n => Gen.ArrayOf(Gen.Elements(s_tricky), n)).Select(c => new string(c)),
            Gen.Choose(90, 1100).SelectMany(n => Gen.ArrayOf(Gen.Elements(s_tricky), n)).Select(c => new string(c)),
            Gen.Choose(500, 1024).Select(n => new string('x', n)));

    [Fact]
    public void Encode_AnyTwoDifferentNames_GivesDifferentKeys()
    {
        var pairs = Gen.OneOf(
            Names().Two(),
            Names().SelectMany(a => Gen.Choose(0, Math.Max(0, a.Length - 1)).SelectMany(i => Gen.Elements(s_tricky).Select(c => (a, a.Length == 0 ? c.ToString() : a[..i] + c + a[(i + 1)..])))));
        Prop.ForAll(Arb.From(pairs), pair => pair.Item1 == pair.Item2 || TableKey.Encode(pair.Item1) != TableKey.Encode(pair.Item2))
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Encode_AnyName_IsValidKeyAndDecodesBackUnlessHashed()
    {
        Prop.ForAll(Arb.From(Names()), name =>
        {
            var key = TableKey.Encode(name);
            var valid = key.Length <= TableKey.MaxLength && key.All(c => c is not ('/' or '\\' or '#' or '?') && !char.IsControl(c) && !char.IsSurrogate(c));
            var reversible = TableKey.IsHashed(key) || TableKey.Decode(key) == name;
            return valid && reversible;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Encode_NamesNaiveEncodingsWouldMerge_StayDistinct()
    {
        string[] names = ["a/b", "a_b", "a%2Fb", "a%2fb", "a~002Fb", "A/b", "a\\b", "a b", "a+b", "a%20b", "é", "e\u0301", new string('x', 1000) + "1", new string('x', 1000) + "2"];
        Assert.Equal(names.Length, names.Select(TableKey.Encode).Distinct(StringComparer.Ordinal).Count());
    }
}
