"""The other obvious alternative: Python's difflib.SequenceMatcher over the word sequences of two articles.

Input (stdin, JSON): {"articles": {name: text}, "pairs": [[a, b], ...], "min_words": 5}
Output (stdout, JSON): {"tokenize_seconds": s, "pairs": [{"a": a, "b": b, "seconds": s,
                         "blocks": [[a_start, a_end, b_start, b_end], ...]}]}  (character spans)
Per-pair time covers SequenceMatcher + get_matching_blocks only; tokenizing is timed once per article.
"""
import difflib
import json
import re
import sys
import time

WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def tokenize(text):
    words, spans = [], []
    for m in WORD.finditer(text):
        words.append(m.group(0).lower().replace("’", "'"))
        spans.append((m.start(), m.end()))
    return words, spans


def main():
    job = json.load(sys.stdin)
    min_words = job.get("min_words", 5)
    t0 = time.perf_counter()
    tokens = {name: tokenize(text) for name, text in job["articles"].items()}
    tokenize_seconds = time.perf_counter() - t0
    out = []
    for a, b in job["pairs"]:
        wa, sa = tokens[a]
        wb, sb = tokens[b]
        t = time.perf_counter()
        blocks = difflib.SequenceMatcher(None, wa, wb).get_matching_blocks()
        seconds = time.perf_counter() - t
        kept = [[sa[i][0], sa[i + n - 1][1], sb[j][0], sb[j + n - 1][1]]
                for i, j, n in blocks if n >= min_words]
        out.append({"a": a, "b": b, "seconds": seconds, "blocks": kept})
    json.dump({"tokenize_seconds": tokenize_seconds, "pairs": out}, sys.stdout)


if __name__ == "__main__":
    main()
