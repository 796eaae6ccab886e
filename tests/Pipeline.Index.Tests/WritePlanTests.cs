using Pipeline.Core.Candidates.Sharding;
using Pipeline.Index.Tables;

namespace Pipeline.Index.Tests;

public sealed class WritePlanTests
{
    [Fact]
    public void Batches_OnePartitionEach_AtMost100_ManifestLastInItsPartition()
    {
        var postings = Enumerable.Range(0, 2_500).Select(i => ((ulong)i * 0x9E3779B97F4A7C15UL, "v")).ToList();
        var manifest = TableWrite.Replace("mabc", new Dictionary<string, object?>());
        var batches = WritePlan.Batches(postings, "a1", "b03", manifest, 16);

        Assert.All(batches, b => Assert.InRange(b.Writes.Count, 1, WritePlan.MaxWrites));
        Assert.All(batches, b => Assert.All(b.Writes.Where(w => w != manifest), w =>
            Assert.Equal(b.Partition, ShardKeys.Partition(Convert.ToUInt64(w.RowKey, 16), 16))));
        Assert.Equal(postings.Count + 1, batches.Sum(b => b.Writes.Count));
        Assert.Same(manifest, batches[^1].Writes[^1]);
        Assert.Equal("b03", batches[^1].Partition);
        Assert.All(batches.SkipWhile(b => b.Partition != "b03"), b => Assert.Equal("b03", b.Partition));
    }

    [Fact]
    public void Batches_ManifestAlone_WhenItsPartitionHasNoPosting()
    {
        var manifest = TableWrite.Delete("mabc");
        var batches = WritePlan.Batches([], "a1", "b07", manifest, 16);
        Assert.Equal(("b07", 1), (batches.Single().Partition, batches.Single().Writes.Count));
    }
}
