namespace Pipeline.Core.Tests.Outlets;

/// <summary>Texts the outlet boilerplate tests share: a prompt an outlet repeats under every story, and a background
/// paragraph it repeats under one story.</summary>
internal static class OutletTexts
{
    public const string Prompt = "Get the best of our reporting on the region in your morning briefing from the foreign desk every weekday";

    public const string Background = "The tram overturned on a sharp bend near the Sandilands stop in the early hours of the morning last November killing seven passengers";
}
