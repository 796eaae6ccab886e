namespace Pipeline.Storage;

/// <summary>The emulator's fixed account: the name and key are public and identical on every machine.</summary>
internal static class DevelopmentStorage
{
    internal const string AccountName = "devstoreaccount1";

    // Published by Microsoft for the storage emulator and Azurite; not a secret.
    internal const string AccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    internal const int BlobPort = 10000;
    internal const int QueuePort = 10001;
    internal const int TablePort = 10002;
}
