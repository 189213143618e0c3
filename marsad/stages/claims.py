"""Claims of responsibility, denials and accusations, with who made them.

Read from the dependency parse, in general terms:
- a claim: "X claimed responsibility / took responsibility / claimed the attack";
  "X said it carried out the attack" (the speaker names itself);
- a denial: "X denied any connection with / responsibility for ...";
- an accusation: "X blamed Y (for ...)", "X accused Y", or X reporting that Y
  carried out / was behind the attack ("X said that Y had carried out ...").
  Verbs such as "suggested" and modals such as "might have" make it hedged.
A statement the report itself calls false ("falsely said") is kept apart with
firmness "false" and never counts as a claim.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator

from marsad.actors import ActorRegistry
from marsad.model import Actor, Claim, Document, Span
from marsad.stages import lexicon, syntax
from marsad.stages.actors import actor_at

RESPONSIBILITY = frozenset({"responsibility", "credit"})
EVENT_OBJECTS = frozenset({"attack", "bombing", "blast", "explosion", "assault", "killing",
                           "operation", "raid", "strike", "ambush", "massacre", "shooting",
                           "kidnapping", "abduction", "assassination", "bomb", "striking",
                           "targeting", "attacking", "shelling", "bombing", "target"})
TAKE_VERBS = frozenset({"take", "accept", "assume", "bear", "admit", "acknowledge"})
DENY_VERBS = frozenset({"deny", "reject", "dismiss", "refute", "disavow", "rebuff"})
DENY_OBJECTS = frozenset({"responsibility", "involvement", "connection", "role", "link",
                          "claim", "accusation", "report", "allegation", "charge", "participation",
                          "part", "hand"})
BLAME_VERBS = frozenset({"blame", "accuse", "charge", "implicate"})
STATE_TITLES = frozenset({"president", "minister", "premier", "chancellor", "king", "emir"})
OFFICIAL_NOUNS = frozenset({"official", "source", "authority", "police", "policeman", "spokesman",
                            "spokeswoman", "spokesperson", "officer", "minister", "ministry",
                            "governor", "commander", "army", "military", "government"})
PERPETRATE = frozenset({"perpetrate", "commit", "stage", "orchestrate", "conduct", "plan",
                        "mastermind", "launch", "execute"})
SPEECH = frozenset({"say", "state", "report", "claim", "tell", "announce", "allege", "suggest",
                    "assert", "insist", "accuse", "write", "put", "add", "argue", "charge",
                    "believe", "suspect", "think", "hint", "imply", "note", "tweet", "post"})
SPEECH_NOUNS = frozenset({"line", "statement", "claim", "report", "allegation", "accusation",
                          "assertion", "suggestion", "message", "letter", "charge", "version"})
HEDGE_VERBS = frozenset({"suggest", "hint", "imply", "suspect", "believe", "think", "speculate"})
HEDGE_WORDS = frozenset({"might", "may", "could", "possibly", "probably", "likely", "perhaps",
                         "allegedly", "reportedly"})
FALSE_WORDS = frozenset({"falsely", "wrongly", "incorrectly", "erroneously", "mistakenly",
                         "untruthfully"})
UNNAMED_GROUPS = frozenset({"bandit", "gunman", "militant", "jihadist", "rebel", "insurgent",
                            "terrorist", "vigilante", "mob", "kidnapper", "assailant", "attacker"})
MEMBER_NOUNS = frozenset({"guerrilla", "member", "fighter", "militant", "gunman", "rebel", "commando",
                          "unit", "cell", "wing", "faction", "supporter", "leader", "spokesman",
                          "spokeswoman", "spokesperson", "chief", "commander", "head", "emir"})
GROUP_NOUNS = frozenset({"group", "faction", "movement", "organisation", "organization",
                         "militia", "rebels", "insurgents", "jihadists", "outfit"})
ARMED_TYPES = frozenset({"Rebel group", "Political militia", "Identity militia",
                         "External/Other forces", "State forces"})
MEDIA_CHANNELS = frozenset({"statement", "video", "telegram", "website", "audio", "online",
                            "internet", "call", "phone", "message", "communique", "twitter",
                            "channel", "recording", "post", "newsletter"})


@dataclass
class ClaimsStage:
    """Find claims, denials and accusations."""

    registry: ActorRegistry
    name: str = "claims"
    requires: tuple[str, ...] = ("parsed", "actors", "segments")
    assigns: tuple[str, ...] = ("claims",)

    def find(self, doc: Document) -> list[Claim]:
        found: list[Claim] = []
        for sentence in doc.parsed.sents:
            for token in sentence:
                found.extend(self.claims_at(doc, token))
        return merge_duplicates(found)

    def __call__(self, doc: Document) -> Document:
        if doc.parsed is None:
            return doc
        return doc.with_(claims=tuple(self.find(doc)))

    def claims_at(self, doc: Document, token: Any) -> Iterator[Claim]:
        lemma = token.lemma_.lower()
        if not syntax.is_predicate(token) or negated(token):
            return
        objects = {c.lemma_.lower() for c in token.children if c.dep_ in ("dobj", "nsubjpass")}
        if (lemma == "claim" and objects & (RESPONSIBILITY | EVENT_OBJECTS)) or \
                (lemma in TAKE_VERBS and objects & RESPONSIBILITY):
            yield from self.make(doc, token, "claim", [])
        elif lemma in DENY_VERBS and (objects & DENY_OBJECTS or perpetration_below(token)):
            yield from self.make(doc, token, "denial", [])
        elif blames(token) and about_violence(token):
            targets = blame_targets(token)
            if targets:
                yield from self.make(doc, token, "accusation", targets)
        elif lemma == "have" and "nothing" in objects and any(t.lemma_ == "do" for t in token.subtree):
            yield from self.disowned(doc, token)
        elif lemma in PERPETRATE or phrasal_perpetration(token):
            yield from self.reported_perpetration(doc, token)

    def make(self, doc: Document, verb: Any, kind: str, targets: list[Any]) -> Iterator[Claim]:
        """Build the claims a verb makes, one per speaker it has."""
        sentence = verb.sent
        for speaker in self.speakers(doc, verb):
            against = tuple(dict.fromkeys(n for t in targets if (n := self.target_name(doc, t))))
            if kind == "accusation" and not against:
                continue
            yield Claim(
                id="", kind=kind, actor=speaker.name, against=against,
                evidence=(Span(sentence.start_char, sentence.end_char),),
                channel=channel(doc, verb) if kind == "claim" else None,
                time=time_of(doc, sentence), firmness=firmness(verb),
                speaker=speaker.speaker or (speaker.surface if speaker.surface != speaker.name else None))

    def disowned(self, doc: Document, predicate: Any) -> Iterator[Claim]:
        """Read "X had nothing to do with the attack" as X's denial, whoever reports it."""
        sentence = predicate.sent
        for subject in syntax.subjects(predicate):
            actor = resolve(doc, subject)
            if actor is not None:
                yield Claim("", "denial", actor.name, (Span(sentence.start_char, sentence.end_char),),
                            time=time_of(doc, sentence), firmness=firmness(predicate))
                return

    def reported_perpetration(self, doc: Document, predicate: Any) -> Iterator[Claim]:
        """Turn "S said that T carried out the attack" into S accusing T (or claiming it)."""
        doers = doers_of(predicate)
        speech = governing_speech(predicate)
        if not doers or speech is None:
            return
        if all(self_reference(d) for d in doers):      # "X said it carried out ..."
            yield from self.make(doc, speech, "claim", [])
            return
        for claim in self.make(doc, speech, "accusation", doers):
            if claim.actor in claim.against:
                yield Claim(claim.id, "claim", claim.actor, claim.evidence, (), (), None,
                            claim.time, claim.firmness, claim.speaker)
            else:
                hedged = claim.firmness == "asserted" and hedged_clause(predicate)
                yield Claim(claim.id, claim.kind, claim.actor, claim.evidence, claim.against, (),
                            None, claim.time, "hedged" if hedged else claim.firmness, claim.speaker)

    def speakers(self, doc: Document, verb: Any) -> Iterator[Actor]:
        """Yield the actors a verb's subjects stand for, resolving "he" and "the group"."""
        subjects = [relative_head(s) for s in syntax.subjects(verb)]
        subjects = [members_of(s) for s in subjects]
        named = [a for s in subjects if (a := actor_within(doc, s)) is not None]
        if named:       # a name beats a pronoun or "the group" beside it
            actor = body_of(doc, named[0]) if named[0].kind == "Person" else named[0]
            yield self.statesman(doc, actor) if actor.kind == "Person" else actor
            return
        for subject in subjects:
            actor = resolve(doc, subject) or self.official(doc, subject) or named_group(doc, subject)
            if actor is not None:
                yield actor
                return

    def statesman(self, doc: Document, person: Actor) -> Actor:
        """Let a president or minister speak for the state: "President X" is the government."""
        span = doc.parsed.char_span(person.span.start, person.span.end, alignment_mode="expand")
        if span is None:
            return person
        words = {t.lower_ for t in span.root.children} | {t.lower_ for t in span}
        if not words & STATE_TITLES:
            return person
        country = next((c for t in span.root.subtree if (c := self.registry.country(t.text))), None)
        if country is None and doc.extras.get("focus"):
            country = self.registry.country_by_code(doc.extras["focus"])
        if country is None:
            return person
        return Actor(person.span, self.registry.name_for(country.iso2, "government"), person.surface,
                     "Government body", country.iso2, speaker=person.name)

    def official(self, doc: Document, token: Any) -> Actor | None:
        """Name the state behind "officials", "security sources", "the police" and the like."""
        if token.lemma_.lower() not in OFFICIAL_NOUNS:
            return None
        country = next((c for t in token.subtree if (c := self.registry.country(t.text)) is not None), None)
        if country is None and doc.extras.get("focus"):
            country = self.registry.country_by_code(doc.extras["focus"])
        if country is None:
            return None
        chunk = " ".join(t.text for t in token.subtree if t.dep_ != "det")
        denotes = "police" if token.lemma_.lower() in ("police", "policeman") else "government"
        return Actor(Span(token.idx, token.idx + len(token.text)), self.registry.name_for(country.iso2, denotes),
                     chunk, "Government body", country.iso2, speaker=chunk)

    def target_name(self, doc: Document, token: Any) -> str | None:
        """Name an accusation's target: an actor, a country, or a capital standing for one.

        A pronoun ("blaming them") is left out: who "they" are is too often a guess.
        """
        if token.pos_ == "PRON":
            return None
        if token.lemma_.lower() in UNNAMED_GROUPS:     # "carried out by bandits"
            return token.lower_ if token.tag_ == "NNS" else token.lemma_.lower()
        actor = resolve(doc, token) or next(
            (a for t in token.subtree if t.dep_ in ("compound", "pobj", "poss", "nmod")
             and (a := actor_at(doc, t.idx, t.idx + len(t.text))) is not None), None)
        if actor is not None:       # "fighters of X" and "X-K" blame X
            return actor.name
        country = self.registry.country(token.text)
        if country is None and token.ent_type_:
            span = next((e for e in doc.parsed.ents if e.start <= token.i < e.end), None)
            country = self.registry.country(span.text) if span is not None else None
        return country.name if country is not None else None


def actor_within(doc: Document, token: Any) -> Actor | None:
    """Return the actor a noun names, or one named in its modifiers ("Colombia's ELN rebels")."""
    actor = actor_at(doc, token.idx, token.idx + len(token.text))
    if actor is not None:
        return actor
    modifiers = [t for t in token.subtree
                 if t.dep_ in ("compound", "nmod", "amod", "poss", "appos") and t.head == token]
    found = [a for t in modifiers if (a := actor_at(doc, t.idx, t.idx + len(t.text))) is not None]
    return found[-1] if found else None


def relative_head(token: Any) -> Any:
    """Follow "which"/"who" to the noun it stands for: "the movement, which claimed ..."."""
    clause = token.head
    if token.lemma_.lower() in ("which", "who", "that") and clause.dep_ == "relcl":
        return clause.head
    return token


def members_of(token: Any) -> Any:
    """Follow "guerrillas of X" or "members of X" to X."""
    if token.lemma_.lower() not in MEMBER_NOUNS:
        return token
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "from"):
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    return obj
    return token


def named_group(doc: Document, token: Any) -> Actor | None:
    """Keep a group the registry does not know by the name the report gives it.

    Only a name: a proper noun, an acronym, or a phrase headed by a word for a
    group ("the Zarate Willka Liberation Armed Forces"); "a leftist group" is no name.
    """
    words = [t for t in token.subtree if t.dep_ not in ("det", "punct", "relcl", "acl", "appos")
             and t.i <= token.i and not t.is_space]
    if not words or token.pos_ == "PRON":
        return None
    proper = [t for t in words if t.pos_ == "PROPN" or doc.text[t.idx:t.idx + len(t.text)].isupper()]
    if not proper or (token.lemma_.lower() in GROUP_NOUNS and len(proper) < 2):
        return None
    start, end = words[0].idx, words[-1].idx + len(words[-1].text)
    name = doc.text[start:end].strip(" ,\"'")
    return Actor(Span(start, end), name, name, None) if len(name) > 1 else None


def resolve(doc: Document, token: Any) -> Actor | None:
    """Return the actor a word names, following pronouns and "the group" to an earlier mention."""
    actor = actor_at(doc, token.idx, token.idx + len(token.text))
    if actor is not None:
        return body_of(doc, actor) if actor.kind == "Person" else actor
    lemma = token.lemma_.lower()
    if token.pos_ == "PRON" and lemma in ("he", "she"):
        person = last_actor(doc, token.idx, lambda a: a.kind == "Person")
        return body_of(doc, person) if person is not None else None
    if lemma in GROUP_NOUNS or (token.pos_ == "PRON" and lemma in ("it", "they")):
        return last_actor(doc, token.idx, lambda a: a.kind in ARMED_TYPES - {"State forces"})
    return None


def last_actor(doc: Document, before: int, wanted: Any) -> Actor | None:
    earlier = [a for a in doc.actors if a.span.end <= before and wanted(a)]
    return earlier[-1] if earlier else None


def body_of(doc: Document, person: Actor) -> Actor:
    """Return the body a person speaks for ("the group's spokesman, X"), keeping the person."""
    parsed = doc.parsed
    span = parsed.char_span(person.span.start, person.span.end, alignment_mode="expand")
    role = span.root.head if span is not None and span.root.dep_ in ("appos", "compound") else None
    if role is None or role == span.root:
        return person
    for child in role.children:
        if child.dep_ not in ("poss", "compound"):
            continue
        # Owners are bodies, never people: following a person here again could loop.
        owner = actor_at(doc, child.idx, child.idx + len(child.text))
        if owner is None and child.lemma_.lower() in GROUP_NOUNS:
            owner = last_actor(doc, child.idx, lambda a: a.kind in ARMED_TYPES - {"State forces"})
        if owner is not None and owner.kind != "Person":
            return Actor(person.span, owner.name, person.surface, owner.kind, owner.country,
                         speaker=person.name)
    return person


def doers_of(predicate: Any) -> list[Any]:
    """Return who did it: the "by" agent of a passive ("staged by X"), else the verb's own subject."""
    agents = [o for c in predicate.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
    if agents:
        return [t for a in agents for t in syntax.with_conjuncts(a)]
    own = [c for c in predicate.children if c.dep_ in ("nsubj", "nsubjpass")]
    return [t for o in own for t in syntax.with_conjuncts(o)]


def self_reference(token: Any) -> bool:
    """Say whether a doer is the speaker itself: "it", "we", "its fighters", "his men"."""
    if token.pos_ == "PRON" and token.lemma_.lower() in ("it", "we", "they", "i"):
        return True
    return any(c.dep_ == "poss" and c.lower_ in ("its", "our", "his", "their", "her")
               for c in token.children)


def negated(token: Any) -> bool:
    """Say whether a verb is negated, or has "no group" for its subject."""
    if any(c.dep_ == "neg" for c in token.children):
        return True
    return any(d.lower_ in ("no", "none") for s in syntax.subjects(token) for d in s.subtree)


def held_responsible(token: Any) -> bool:
    return any(c.lower_ == "responsible" for c in token.subtree)


def blames(verb: Any) -> bool:
    """Say whether a verb lays blame: "blamed", "accused", "held/named X responsible", "put the blame on"."""
    lemma = verb.lemma_.lower()
    if lemma in ("hold", "name", "identify", "single"):
        return any(c.lower_ in ("responsible", "culprit", "culprits", "perpetrator", "perpetrators")
                   for c in verb.subtree)
    if lemma in ("put", "lay", "place", "pin", "cast"):
        return any(c.dep_ == "dobj" and c.lemma_.lower() == "blame" for c in verb.children)
    return lemma in BLAME_VERBS


def about_violence(verb: Any) -> bool:
    """Say whether a blame is for violence ("for the bombing"), not for "failing to protect"."""
    reasons = [c for p in verb.children if p.dep_ == "prep" and p.lower_ in ("of", "for")
               for c in p.children if c.dep_ in ("pobj", "pcomp")]
    return not reasons or any(
        t.lemma_.lower() in EVENT_OBJECTS | PERPETRATE or phrasal_perpetration(t)
        or lexicon.trigger_at(t) is not None for r in reasons for t in r.subtree)


def blame_targets(verb: Any) -> list[Any]:
    """Return whom a blame verb blames: "blamed X for ...", "blamed the attack on X"."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "on":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return syntax.with_conjuncts(objects[0])
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return syntax.with_conjuncts(objects[0]) if objects else []


def phrasal_perpetration(token: Any) -> bool:
    """Say whether a verb says who did it: "carried out", "was behind", "was responsible for"."""
    lemma = token.lemma_.lower()
    if lemma == "carry":
        return any(c.dep_ == "prt" and c.lower_ == "out" for c in token.children)
    if lemma == "be":       # "was behind", "was (most likely) behind", "was responsible for"
        near = [*token.children, *(g for c in token.children if c.dep_ == "acomp" for g in c.children)]
        return any((c.dep_ == "prep" and c.lower_ == "behind") or
                   (c.dep_ == "acomp" and c.lower_ == "responsible") for c in near)
    return False


def perpetration_below(token: Any) -> bool:
    return any(phrasal_perpetration(t) or t.lemma_.lower() in PERPETRATE for t in token.subtree)


def governing_speech(predicate: Any) -> Any:
    """Return the verb of saying a clause is reported under, through "the line that ..."."""
    current = predicate
    for _ in range(6):
        if current.head == current:
            return None
        head = current.head
        if current.dep_ in ("ccomp", "relcl", "acl") and head.lemma_.lower() in SPEECH_NOUNS:
            return head.head if syntax.is_predicate(head.head) else None
        if current.dep_ in ("ccomp", "xcomp", "advcl") and head.lemma_.lower() in SPEECH:
            return head
        if current.dep_ not in ("ccomp", "conj", "relcl", "acl", "dobj", "xcomp"):
            return None
        current = head
    return None


def hedged_clause(predicate: Any) -> bool:
    """Say whether a clause hedges: "might have", "was likely behind"."""
    near = [*predicate.children, *(g for c in predicate.children for g in c.children)]
    return any(c.lower_ in HEDGE_WORDS for c in near)


def firmness(verb: Any) -> str:
    """Say whether the report asserts, hedges or disowns what a verb says."""
    chain = [verb, *verb.ancestors]
    if any(c.lower_ in FALSE_WORDS for t in chain for c in t.children):
        return "false"
    if verb.lemma_.lower() in HEDGE_VERBS or hedged_clause(verb):
        return "hedged"
    return "asserted"


def channel(doc: Document, verb: Any) -> str | None:
    """Return how a claim was made: a media outlet, "a statement", "Telegram"."""
    subjects = {t.i for s in syntax.subjects(verb) for t in s.subtree}
    for token in verb.subtree:
        actor = actor_at(doc, token.idx, token.idx + len(token.text))
        if actor is not None and actor.kind == "Media" and token.i not in subjects:
            return actor.name
    media = [t for t in verb.subtree if t.lemma_.lower() in MEDIA_CHANNELS and t.i not in subjects]
    named = [t for t in media if t.text[:1].isupper() or t.pos_ == "PROPN"]
    for token in named:          # a platform the report names beats "a statement"
        return token.text
    for token in media:
        if token.dep_ == "pobj":
            return token.lemma_.lower()
    return None


def time_of(doc: Document, sentence: Any) -> Any:
    segment = doc.segment_at(sentence.start_char)
    return segment.time if segment else None


def merge_duplicates(claims: list[Claim]) -> list[Claim]:
    """Fold claims of one kind, actor and targets into one, keeping all their evidence."""
    merged: dict[tuple, Claim] = {}
    for claim in claims:
        key = (claim.kind, claim.actor, frozenset(claim.against), claim.firmness == "false")
        if key in merged:
            first = merged[key]
            merged[key] = Claim(first.id, first.kind, first.actor, first.evidence + claim.evidence,
                                first.against, (), first.channel or claim.channel,
                                first.time or claim.time, first.firmness, first.speaker)
        else:
            merged[key] = claim
    return [Claim(f"c{i}", c.kind, c.actor, c.evidence, c.against, (), c.channel, c.time,
                  c.firmness, c.speaker) for i, c in enumerate(merged.values(), 1)]
