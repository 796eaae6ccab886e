using Pipeline.Functions.Storage;
using Pipeline.Functions.Stores;

namespace Pipeline.Functions.Processing;

/// <summary>Removes what was derived from an article (postings, record, alignments in both directions, clusters).</summary>
internal sealed class ArticleRemoval(
    ArticleStore articles,
    PostingStore postings,
    AlignmentStore alignments,
    ClusterRefresh clusters,
    ReceiptStore receipts)
{
    /// <summary>Removes the derived data but keeps the status row (a rejected article keeps saying why).</summary>
    public async Task RemoveDerivedAsync(string name, CancellationToken cancellationToken = default)
    {
        var signature = await postings.RemoveAsync(name, cancellationToken);
        await articles.DeleteRecordAsync(name, cancellationToken);
        var partners = await alignments.RemoveArticleAsync(name, cancellationToken);
        await clusters.RefreshAndCountAsync(name, partners, articles, cancellationToken: cancellationToken);
        if (signature is not null)
        {
            await RetriggerSignatureGroupAsync(signature, name, cancellationToken);
        }
    }

    /// <summary>Removes everything about a deleted article, status row and receipts included.</summary>
    public async Task RemoveAsync(string name, CancellationToken cancellationToken = default)
    {
        await RemoveDerivedAsync(name, cancellationToken);
        await articles.DeleteAsync(name, cancellationToken);
        await receipts.DeleteAsync(PipelineStorage.ArticlesContainerName, name, cancellationToken);
        await receipts.DeleteAsync(PipelineStorage.NormalizedContainerName, name, cancellationToken);
        await receipts.ClearPoisonAsync(PipelineStorage.ArticlesContainerName, name, cancellationToken);
        await receipts.ClearPoisonAsync(PipelineStorage.NormalizedContainerName, name, cancellationToken);
    }

    /// <summary>Makes the other copies of a signature align again (their canonical copy may have changed).</summary>
    public async Task RetriggerSignatureGroupAsync(string signature, string except, CancellationToken cancellationToken = default)
    {
        foreach (var member in await postings.SignatureMembersAsync(signature, cancellationToken))
        {
            if (!string.Equals(member, except, StringComparison.Ordinal))
            {
                await articles.RetriggerAsync(member, cancellationToken);
            }
        }
    }
}
