namespace Pipeline.Cli.Measure;

/// <summary>A maximal run of identical words shared by two articles (A before B in input order).</summary>
/// <param name="A">Index of the first article.</param>
/// <param name="B">Index of the second article.</param>
/// <param name="AStart">First word of the run in A.</param>
/// <param name="BStart">First word of the run in B.</param>
/// <param name="Length">Number of words.</param>
internal readonly record struct SharedRun(int A, int B, int AStart, int BStart, int Length);
