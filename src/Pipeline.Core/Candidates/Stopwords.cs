using System.Collections.Frozen;

namespace Pipeline.Core.Candidates;

/// <summary>Function words and reporting boilerplate that say nothing about which passage a text is.</summary>
/// <remarks>
/// Matching keys are case-folded with unified apostrophes, so the list is lower case with '. Reporting verbs, weekdays
/// and months are included because "said on Tuesday" or "told reporters" are shared by every news story, and so are
/// the words of stock phrases found aligning unrelated stories in a 383-article news corpus ("did not immediately
/// respond to a request for comment", "a spokesman said in a statement").
/// </remarks>
internal static class Stopwords
{
    private static readonly FrozenSet<string> Words = new[]
    {
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at",
        "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do",
        "does", "doing", "down", "during", "each", "even", "few", "for", "from", "further", "had", "has", "have", "having",
        "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "if", "in", "into", "is", "it", "its",
        "itself", "just", "may", "me", "might", "more", "most", "much", "must", "my", "myself", "no", "nor", "not", "now",
        "of", "off", "on", "once", "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own", "same", "she",
        "should", "so", "some", "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there",
        "these", "they", "this", "those", "through", "to", "too", "under", "until", "up", "very", "was", "we", "were",
        "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your", "yours",
        "yourself", "yourselves", "it's", "that's", "we're", "they're", "you're", "i'm", "he's", "she's", "there's",
        "don't", "doesn't", "didn't", "isn't", "aren't", "wasn't", "weren't", "won't", "can't", "couldn't", "wouldn't",
        "shouldn't", "haven't", "hasn't", "hadn't", "let's", "we've", "i've", "they've", "we'll", "i'll", "they'll",
        "said", "says", "say", "saying", "told", "tell", "tells", "added", "adding", "according", "reported", "reports",
        "report", "asked", "mr", "mrs", "ms", "dr", "one", "two", "new", "last", "next", "week", "year", "years", "day",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
        "april", "june", "july", "august", "september", "october", "november", "december", "yesterday", "today",
        "going", "get", "got", "make", "made", "like", "well", "s", "t",
        "comment", "comments", "request", "respond", "responded", "immediately", "statement", "spokesman",
        "spokeswoman", "spokesperson", "spokesmen",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Whether a matching key carries no identifying content.</summary>
    public static bool Contains(string key) => Words.Contains(key);
}
