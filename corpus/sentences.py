"""The sentences of the synthetic corpus, in the seed texts' vocabulary: recombined from the
seed texts' own sentences (corpus/data/sentences.txt) by a word-level Markov chain ("dense"),
or drawn word by word from a Zipf distribution ("zipf")."""

import itertools
import random
from collections import defaultdict
from pathlib import Path

SENTENCES_FILE = Path(__file__).parent / "data" / "sentences.txt"
MARKOV_POOL = 6000
ZIPF_VOCABULARY = 30_000
ZIPF_EXPONENT = 1.0
ZIPF_ORIGINALS = 200


def load_sentences() -> list[str]:
    lines = SENTENCES_FILE.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


class SentenceSource:
    """Sentences in the seed texts' vocabulary: a bigram chain over their words."""

    def __init__(self, rng: random.Random, sentences: list[str]):
        self.rng = rng
        chain: dict[str, list[str]] = defaultdict(list)
        starts = []
        for sentence in sentences:
            words = sentence.split()
            starts.append(words[0])
            for a, b in zip(words, words[1:], strict=False):
                chain[a].append(b)
        self.chain, self.starts = chain, starts
        self.originals = sentences
        self.pool = [self._generate() for _ in range(MARKOV_POOL)]

    def _generate(self) -> str:
        rng = self.rng
        words = [rng.choice(self.starts)]
        length = rng.randint(10, 32)
        while len(words) < 60:
            nexts = self.chain.get(words[-1])
            if not nexts:
                break
            words.append(rng.choice(nexts))
            if len(words) >= length and words[-1][-1] in ".!?":
                break
        sentence = " ".join(words)
        return sentence if sentence[-1] in ".!?" else sentence.rstrip(",;:") + "."

    def sentences(self, count: int) -> list[str]:
        picks = self.rng.choices(self.pool, k=count)
        # One sentence in ten comes verbatim from a seed text: exact phrases match too.
        for i in range(0, count, 10):
            picks[i] = self.rng.choice(self.originals)
        return picks


class ZipfSentenceSource(SentenceSource):
    """Sentences whose words follow a Zipf distribution (the k-th most frequent word has a
    frequency in proportion to 1/k): a few words are in most documents, most words in a
    few, as in real text. The seed texts' words, most frequent first, are the head of the
    vocabulary; made-up words (syllables) its long tail, up to ZIPF_VOCABULARY words. One
    sentence in ZIPF_ORIGINALS comes verbatim from a seed text, so its phrases still match
    somewhere. The dense source (SentenceSource) recombines the seed texts' sentences
    instead, so their common words are in nearly every document.
    """

    # 20 syllables, 2 to 4 a word: 168,400 made-up words to draw the tail from.
    SYLLABLES = ["ka", "ro", "mi", "sta", "ven", "lor", "tu", "bex", "dra", "nel", "qui", "zor"]
    SYLLABLES += ["pa", "shu", "gri", "tol", "fe", "mon", "dax", "ilo"]

    def __init__(self, rng: random.Random, sentences: list[str]):
        counts: dict[str, int] = defaultdict(int)
        for sentence in sentences:
            for word in sentence.lower().split():
                word = word.strip(".,;:!?\"'()")
                if word.isalpha():
                    counts[word] += 1
        head = sorted(counts, key=lambda w: (-counts[w], w))
        tail, seen = [], set(head)
        while len(head) + len(tail) < ZIPF_VOCABULARY:
            word = "".join(rng.choices(self.SYLLABLES, k=rng.randint(2, 4)))
            if word not in seen:
                seen.add(word)
                tail.append(word)
        self.vocabulary = head + tail
        weights = [1 / rank**ZIPF_EXPONENT for rank in range(1, len(self.vocabulary) + 1)]
        self.cum_weights = list(itertools.accumulate(weights))
        self.rng, self.originals = rng, sentences

    def _generate(self) -> str:
        words = self.rng.choices(
            self.vocabulary, cum_weights=self.cum_weights, k=self.rng.randint(10, 32)
        )
        return " ".join(words).capitalize() + "."

    def sentences(self, count: int) -> list[str]:
        # Each sentence new (not from a pool): a rare word stays in a few documents.
        rng = self.rng
        return [
            rng.choice(self.originals) if rng.random() < 1 / ZIPF_ORIGINALS else self._generate()
            for _ in range(count)
        ]


SOURCES = {"dense": SentenceSource, "zipf": ZipfSentenceSource}
