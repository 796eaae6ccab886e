namespace Pipeline.Core.Clusters;

/// <summary>Picks the speaker most members agree on.</summary>
/// <remarks>
/// Outlets name people differently ("Rear Admiral John Kirby", "Kirby"), so votes are counted by surname (the last
/// word, case-insensitive); the winner is that group's most frequent full form, ties broken by the shorter then ordinal.
/// </remarks>
internal static class SpeakerVote
{
    public static string? Winner(List<string> speakers)
    {
        if (speakers.Count == 0)
        {
            return null;
        }

        var bySurname = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var speaker in speakers)
        {
            var trimmed = speaker.Trim();
            var space = trimmed.LastIndexOf(' ');
            var surname = space < 0 ? trimmed : trimmed[(space + 1)..];
            if (!bySurname.TryGetValue(surname, out var forms))
            {
                forms = [];
                bySurname[surname] = forms;
            }

            forms.Add(trimmed);
        }

        List<string>? best = null;
        foreach (var forms in bySurname.Values)
        {
            if (best is null || forms.Count > best.Count || (forms.Count == best.Count && string.CompareOrdinal(Pick(forms), Pick(best)) < 0))
            {
                best = forms;
            }
        }

        return Pick(best!);
    }

    private static string Pick(List<string> forms)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var form in forms)
        {
            counts[form] = counts.GetValueOrDefault(form) + 1;
        }

        string? best = null;
        var bestCount = 0;
        foreach (var (form, count) in counts)
        {
            if (best is null
                || count > bestCount
                || (count == bestCount && (form.Length < best.Length || (form.Length == best.Length && string.CompareOrdinal(form, best) < 0))))
            {
                best = form;
                bestCount = count;
            }
        }

        return best!;
    }
}
