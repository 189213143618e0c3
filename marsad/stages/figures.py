"""Figures: which numbers in a sentence count people killed, wounded, missing, abducted,
arrested or displaced, and who they count.

A figure is a casualty figure when a word of its category (``data/casualty_words.tsv``)
follows it closely ("90 people have been killed", "170 wounded", "12 were
abducted"), past a subset in between ("16 civilians including women and children
were killed"), or comes just before it ("killing 12", "the death toll rose to
45"). A figure inside the subject of "X killed N" counts X, not victims. A toll
given group by group ("ten children and five women") is their sum.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Iterator

from marsad.model import Count
from marsad.numbers import find_counts
from marsad.stages import lexicon
from marsad.stages.casualty_words import (ARMED_GROUPS, INTRANSITIVE, PART_GROUPS, category_of,
                                          counted_group)

SUBSET_WORDS = frozenset({"including", "includes", "include"})
# Words that open a subset inside a figure's phrase: "16 civilians including four children were killed".
SUBSET_OPENERS = frozenset({"including", "among", "mostly", "mainly", "most", "many"})
# Words that make a figure an addition to a toll given before: "another five", "three more".
ADDED_BEFORE = frozenset({"another", "further", "remaining", "other"})
ADDED_AFTER = frozenset({"more", "other"})
TOLL_VERBS = frozenset({"rise", "climb", "reach", "increase", "stand", "jump", "grow", "hit", "be"})
LOOKAHEAD = 6
LOOKBACK = 4


@dataclass(frozen=True)
class Figure:
    start: int
    end: int
    count: Count
    category: str       # killed | wounded | missing | abducted | arrested | displaced
    group: str | None = None    # who was counted: civilians, children, attackers, ...
    partial: bool = False       # part of a toll: "another five", "ten children were among ..."
    noun: int | None = None     # the token index of the noun it counts
    joined: bool = False        # joined to the figure before it: "ten children and five women"

    @property
    def attackers(self) -> bool:
        return self.group == "attackers"


def summed(first: Figure, joined: Figure) -> Figure:
    """Add a figure to the one it is joined to: a toll given group by group is their sum."""
    a, b = first.count, joined.count
    low = a.low + b.low if None not in (a.low, b.low) else None
    high = a.high + b.high if None not in (a.high, b.high) else None
    group = first.group if first.group == joined.group else None
    return replace(first, end=joined.end, count=Count(low, high, a.qualifier or b.qualifier), group=group,
                   partial=first.partial and joined.partial, noun=joined.noun)


def figures_in(sentence: Any) -> Iterator[Figure]:
    """Yield the sentence's numbers that count the dead or the wounded.

    A number with no casualty word of its own after an earlier figure takes
    that figure's category: "killed four in X and six in Y".
    """
    base = sentence.start_char
    previous = None
    for start, end, count in find_counts(sentence.text):
        tokens = sentence.doc.char_span(base + start, base + end, alignment_mode="expand")
        if tokens is None:
            continue
        if tokens.end < len(sentence.doc) and sentence.doc[tokens.end].lower_ == "of":
            continue    # "one of the wounded" picks from a figure, it is not one
        if counts_events(tokens):
            continue    # "two attacks", "a 2011 bombing": not people
        if subset(tokens) or in_breakdown(tokens):
            continue    # "including four children", ", 49 of them soldiers and four civilians,": parts
        if not counts_people(tokens, count):
            continue    # "July 5 2016", "the five-year conflict"
        category = own_word(tokens) or category_before(tokens, immediate=True)
        noun = None
        if category is None:
            category, noun, word = category_after(tokens)
            if category is not None and counts_doers(tokens, word):
                continue    # "two towns ... killed 43 people": 43 are the dead, not two
        counted = tokens.root.head if tokens.root.dep_ == "nummod" else noun
        if category is None and previous is not None and conjunct_of(counted, previous):
            category = previous.category    # "killed two women and their seven children"
        if category is None:
            category = category_before(tokens) or toll_subject(tokens) or elided(tokens, previous)
        if category is not None:
            group = counted_group(counted)
            if category == "displaced" and group in ARMED_GROUPS:
                continue    # "three gunmen fled": they withdrew, no one was displaced
            joined = previous is not None and conjunct_of(counted, previous) and previous.category == category
            previous = Figure(base + start, base + end, count, category, group,
                              added(tokens) or group in PART_GROUPS, counted.i if counted is not None else None,
                              joined)
            yield previous
            for single in lone_conjuncts(counted, previous):
                yield single


def conjunct_of(noun: Any, figure: Figure) -> bool:
    """Say whether a figure's noun is joined by "and" to an earlier figure's: "ten children and
    five women"."""
    return noun is not None and noun.dep_ == "conj" and noun.head.i == figure.noun


def lone_conjuncts(noun: Any, figure: Figure) -> Iterator[Figure]:
    """Yield a figure of one for each "a child" joined to a figure's noun: "five women and a child"."""
    if noun is None:
        return
    for conj in (c for c in noun.children if c.dep_ == "conj" and c.pos_ == "NOUN"):
        if any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in conj.children) and \
                not any(d.dep_ == "nummod" for d in conj.children):
            group = counted_group(conj)
            yield Figure(conj.idx, conj.idx + len(conj.text), Count(1, 1), figure.category, group,
                         figure.partial and group in PART_GROUPS, conj.i, True)


def own_word(tokens: Any) -> str | None:
    """Return the category of a casualty word said of the figure right after it: "30 injured".

    It wins over a verb just before the figure, which belongs to an earlier
    figure in a copy that lost its commas ("a woman killed 30 injured in the
    attacks"); "killed 30 wounded soldiers" and "killed 5 injured 10" keep the verb's.
    """
    doc = tokens.doc
    at = tokens.end + (tokens.end < len(doc) and doc[tokens.end].lower_ in ("others", "more"))
    if at >= len(doc):
        return None
    word = doc[at]      # "12 others injured" too: "others" sets them apart from the figure before
    after = doc[word.i + 1] if word.i + 1 < len(doc) else None
    if word.tag_ not in ("VBN", "JJ", "VBD") or (after is not None and (
            after.pos_ in ("NOUN", "PROPN") or after.like_num)):
        return None
    return category_of(word)


def counts_doers(tokens: Any, word: Any) -> bool:
    """Say whether a figure sits in the subject of "X killed N people": it counts X, not victims."""
    if word is None or word.pos_ != "VERB" or word.lemma_.lower() in INTRANSITIVE:
        return False
    children = list(word.children)
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in children) or not any(c.dep_ == "dobj" for c in children):
        return False     # "35 were killed", "35 killed": the figure is the victims
    objects = [c for c in children if c.dep_ == "dobj"]
    numbers = [o if o.like_num else next((n for n in o.children if n.dep_ == "nummod"), None) for o in objects]
    if all(n is not None and own_word(n.doc[n.i:n.i + 1]) for n in numbers):
        return False     # "two killed 6 injured", "three killed 12 others injured": tolls that lost their commas
    subjects = [c for c in children if c.dep_ == "nsubj"]
    return any(s.left_edge.i <= tokens.start and tokens.end - 1 <= s.right_edge.i for s in subjects)


def added(tokens: Any) -> bool:
    """Say whether a figure adds to a toll, or picks out part of it: "another five", "three more",
    "ten children were among the dead"."""
    doc = tokens.doc
    before = doc[tokens.start - 1].lower_ if tokens.start > 0 else ""
    after = [t.lower_ for t in doc[tokens.end:min(len(doc), tokens.end + 8)]]
    among = "among" in after and any(w in ("were", "was", "are", "is") for w in after[:after.index("among")])
    return before in ADDED_BEFORE or (bool(after) and after[0] in ADDED_AFTER) or among


def toll_subject(tokens: Any) -> str | None:
    """Read "the number of people killed ... has risen to N": the category comes before the verb.

    The parser often misplaces such a long subject, so the words read are all
    those between the sentence's start and the verb, when they hold no other figure.
    """
    verb = tokens.root
    for _ in range(4):
        if verb.pos_ in ("VERB", "AUX") or verb.head == verb:
            break
        verb = verb.head
    if verb.lemma_.lower() not in TOLL_VERBS or verb.i > tokens.start:
        return None
    before = tokens.doc[verb.sent.start:verb.i]
    if any(t.like_num for t in before if t.ent_type_ not in ("DATE", "TIME")):
        return None
    found = {category_of(t) for t in before}
    if "killed" in found or any(t.lemma_.lower() == "toll" for t in before):
        return "killed"
    return "wounded" if "wounded" in found else None


def counts_people(tokens: Any, count: Count) -> bool:
    """Say whether a number can count people: not a year after a date, not "five-year", not
    "six families" or "three buildings"."""
    doc = tokens.doc
    after = doc[tokens.end] if tokens.end < len(doc) else None
    if after is not None and after.lemma_.lower() in NOT_PEOPLE:
        return False
    if after is not None and after.text in ("-", "–") and tokens.end + 1 < len(doc) and \
            doc[tokens.end + 1].lemma_.lower() in DURATIONS:
        return False
    if "-" in tokens.text and tokens.text.split("-")[-1].lower().rstrip("s") in DURATIONS:
        return False
    year = count.low is not None and count.low == count.high and 1900 <= count.low <= 2099 \
        and tokens.text.strip().isdigit()
    before = doc[tokens.start - 1] if tokens.start > 0 else None
    return not (year and before is not None and (before.like_num or before.ent_type_ == "DATE"
                                                 or before.lower_ in ("in", "since", "of", "until")))


DURATIONS = frozenset({"year", "month", "week", "day", "hour", "minute", "decade", "century"})
# Nouns a figure may count that are not people: "all the dead were from six families".
NOT_PEOPLE = frozenset({"family", "household", "home", "house", "building", "village", "town",
                        "neighbourhood", "neighborhood", "vehicle", "car", "truck", "bus"})


def subset(tokens: Any) -> bool:
    """Say whether a figure picks out part of another: "including four children", "among them"."""
    before = [t.lower_ for t in tokens.doc[max(0, tokens.start - 2):tokens.start]]
    return bool(before) and (before[-1] in SUBSET_WORDS or " ".join(before) in ("among them", "of whom"))


BREAKDOWN_PRONOUNS = frozenset({"them", "whom", "those"})
BREAKDOWN_REACH = 12    # tokens: a breakdown runs to its closing comma, which the parser may misread


def opens_breakdown(token: Any) -> bool:
    """Say whether a number opens a breakdown in apposition: ", 49 of them soldiers".

    The whole before it is the figure; the breakdown says who was counted.
    """
    doc = token.doc
    return token.like_num and token.i > 0 and doc[token.i - 1].text == "," and token.i + 2 < len(doc) \
        and doc[token.i + 1].lower_ == "of" and doc[token.i + 2].lower_ in BREAKDOWN_PRONOUNS


def in_breakdown(tokens: Any) -> bool:
    """Say whether a figure is a later part of a breakdown in apposition: "four civilians" in
    "53 people, 49 of them soldiers and four civilians, were killed"."""
    doc = tokens.doc
    for token in reversed(doc[max(tokens.sent.start, tokens.start - BREAKDOWN_REACH):tokens.start]):
        if token.text in (";", ":"):
            return False
        if token.like_num and opens_breakdown(token):
            return True
        if token.text == "," and not (token.i + 1 < len(doc) and doc[token.i + 1].like_num):
            return False
    return False


def counts_events(tokens: Any) -> bool:
    """Say whether a number counts or dates events ("the two attacks"), not people."""
    root = tokens.root
    head = root.head if root.dep_ in ("nummod", "compound", "amod", "quantmod") else None
    nouns = [head] if head is not None else []
    if tokens.end < len(tokens.doc):
        nouns.append(tokens.doc[tokens.end])
    return any(lexicon.trigger_at(n) is not None and n.pos_ == "NOUN" and
               n.lemma_.lower() not in PERSON_TRIGGERS for n in nouns)


# Trigger nouns that name people, so a number before them counts people.
PERSON_TRIGGERS = frozenset({"protester", "demonstrator", "rioter", "gunman", "bomber", "vigilante"})


def lone_victims(sentence: Any) -> Iterator[Figure]:
    """Yield a figure of one for "a student was shot dead", "a policeman was wounded"."""
    for verb in sentence:
        lemma = verb.lemma_.lower()
        if lemma not in ("kill", "die", "wound", "injure", "shoot"):
            continue
        if lemma == "shoot" and not any(c.lower_ == "dead" for c in verb.children):
            continue
        for subject in (c for c in verb.children if c.dep_ in ("nsubjpass", "nsubj")):
            single = subject.tag_ in ("NN", "NNP") and any(
                d.dep_ in ("det", "nummod") and d.lower_ in ("a", "an", "one") for d in subject.children)
            person = subject.lemma_.lower() in lexicon.CIVILIAN_NOUNS | lexicon.COMBATANT_NOUNS
            passive = subject.dep_ == "nsubjpass" or lemma == "die"
            if single and person and passive:
                category = "wounded" if lemma in ("wound", "injure") else "killed"
                yield Figure(subject.idx, subject.idx + len(subject.text), Count(1, 1), category,
                             counted_group(subject))


def elided(tokens: Any, previous: Figure | None) -> str | None:
    """Return the earlier figure's category for "and six in Y", where the verb is left out."""
    if previous is None or tokens.start == 0:
        return None
    joined = tokens.doc[tokens.start - 1].lower_ in ("and", ",", "while")
    after = tokens.doc[tokens.end] if tokens.end < len(tokens.doc) else None
    tail = after is None or after.lower_ in ("in", "at", "near", "on", ".", ",", ";") or \
        (after.pos_ == "NOUN" and after.i + 1 < len(tokens.doc)
         and tokens.doc[after.i + 1].lower_ in ("in", "at", "near", ".", ","))
    return previous.category if joined and tail else None


def category_after(tokens: Any) -> tuple[str | None, Any, Any]:
    """Read "N [people] [have been] killed": the casualty word after a number, its noun and the word.

    A subset between them ("including nine children", "mostly women and
    children") and a figure joined to the noun ("ten children and five women
    were killed") are passed over without counting against the reach.
    """
    doc = tokens.doc
    noun, seen, skipping, joined, breakdown = None, 0, False, set(), False
    for token in doc[tokens.end:min(len(doc), tokens.end + 3 * LOOKAHEAD)]:
        word = token.lower_
        if token.i in joined:
            continue    # "ten children and five women were killed": the second figure's words
        if noun is None and token.pos_ in ("NOUN", "PROPN"):
            joined = {t.i for c in token.children if c.dep_ == "conj" for t in c.subtree}
        if noun is not None and opens_breakdown(token):
            breakdown = True    # "53 people, 49 of them soldiers and four civilians, were killed"
        if breakdown:
            breakdown = word != ","     # it runs to its closing comma, whatever the parser made of it
            continue
        if word in (";", ":") or token.is_sent_start or (token.like_num and not skipping):
            break
        if word in SUBSET_OPENERS and noun is not None:
            skipping = True
        elif skipping and token.pos_ in ("VERB", "AUX"):
            skipping = False
        if skipping:
            continue
        seen += 1
        if seen > LOOKAHEAD:
            break
        if noun is None and token.pos_ in ("NOUN", "PROPN"):
            noun = token
        category = category_of(token)
        if category is not None:
            return category, noun, token
    return None, noun, None


def category_before(tokens: Any, immediate: bool = False) -> str | None:
    """Read "killing N", "wounding N" or "the death toll rose to N": the casualty word before N.

    With ``immediate``, only a verb right before the figure counts ("killing
    three people and wounding 11": 11 is wounded, whatever follows it;
    "killed six and injured ten": six are dead).
    """
    doc = tokens.doc
    reach = 1 if immediate else LOOKBACK
    for token in reversed(doc[max(0, tokens.start - reach):tokens.start]):
        lemma = token.lemma_.lower()
        if token.like_num or token.is_punct:
            break
        if immediate and not token.tag_.startswith("VB"):
            return None
        if lemma == "toll":
            return "killed"
        category = category_of(token)
        if category is not None:
            return category
    return None
