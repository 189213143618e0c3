"""Claims of responsibility, denials and accusations, with who made them.

Read from the dependency parse, in general terms:
- a claim: "X claimed responsibility / took responsibility / claimed the attack";
  "X said it carried out the attack" (the speaker names itself); "X claimed it
  bombed ..."; an armed group (or its own outlet) telling of its fighters'
  attack, or of harm done ("the rebels claim they inflicted 400 casualties"); a report
  that is an armed group's own broadcast (its outlet named in the dateline) telling
  that "we" or "our units" attacked (who did what, and whether it is told as done or
  only threatened, is read in own_acts.py); "X said the strike was a legitimate
  operation" (it defends it);
- a denial: "X denied any connection with / responsibility for ...";
- an accusation: "X blamed Y (for ...)", "X accused Y", "X suspects Y", or X
  reporting that Y carried out / was behind / was blamed for the attack, or
  that it was Y's work or bore Y's hallmarks ("X said that Y had carried out ..."),
  or that Y did it on purpose ("X said Y deliberately targeted children").
  Verbs such as "suggested" and modals such as "might have" make it hedged.
A statement the report itself calls false ("falsely said") is kept apart with
firmness "false" and never counts as a claim.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cached_property
from typing import Any, Iterator

from marsad.actors import ActorRegistry
from marsad.model import Actor, Claim, Document, Span
from marsad.stages import lexicon, own_acts, syntax
from marsad.stages.claim_records import channel, merge_duplicates, time_of
from marsad.stages.own_acts import (active_doers, first_person, hypothetical, quoted, self_reference,
                                    unowned_fighters, violent)
from marsad.stages.speakers import DOCUMENT_NOUNS, Speakers, group_shaped, resolve

RESPONSIBILITY = frozenset({"responsibility", "credit"})
EVENT_OBJECTS = frozenset({"attack", "bombing", "blast", "explosion", "assault", "killing",
                           "operation", "raid", "strike", "ambush", "massacre", "shooting",
                           "kidnapping", "abduction", "assassination", "bomb", "striking",
                           "targeting", "attacking", "shelling", "target"})
TAKE_VERBS = frozenset({"take", "accept", "assume", "bear", "admit", "acknowledge"})
DENY_VERBS = frozenset({"deny", "reject", "dismiss", "refute", "disavow", "rebuff"})
DENY_OBJECTS = frozenset({"responsibility", "involvement", "connection", "role", "link",
                          "claim", "accusation", "report", "allegation", "charge", "participation",
                          "part", "hand", "suggestion", "assertion"})
BLAME_VERBS = frozenset({"blame", "accuse", "charge", "implicate", "suspect"})
PERPETRATE = frozenset({"perpetrate", "commit", "stage", "orchestrate", "conduct", "plan",
                        "mastermind", "launch", "execute"})
SPEECH = lexicon.SPEECH_VERBS | {"allege", "suggest", "assert", "insist", "accuse", "argue",
                                 "charge", "believe", "suspect", "think", "hint", "imply", "note"}
SPEECH_NOUNS = frozenset({"line", "statement", "claim", "report", "allegation", "accusation",
                          "assertion", "suggestion", "message", "letter", "charge", "version"})
LABEL_VERBS = frozenset({"call", "describe", "brand", "label", "term", "dub"})
DEFENCE_WORDS = frozenset({"legitimate", "justified", "lawful", "legal"})
NON_STATE_ARMED = own_acts.ARMED_GROUPS
WORK_WORDS = frozenset({"work", "handiwork"})
HALLMARK_WORDS = frozenset({"hallmark", "hallmarks", "signature", "fingerprint", "fingerprints"})
OWNING_VERBS = frozenset({"claim", "admit", "acknowledge", "boast"})
HEDGE_VERBS = frozenset({"suggest", "hint", "imply", "suspect", "believe", "think", "speculate"})
HEDGE_WORDS = frozenset({"might", "may", "could", "possibly", "probably", "likely", "perhaps",
                         "allegedly", "reportedly"})
FALSE_WORDS = frozenset({"falsely", "wrongly", "incorrectly", "erroneously", "mistakenly",
                         "untruthfully"})
INTENT_WORDS = frozenset({"deliberately", "intentionally", "wilfully", "willfully", "knowingly",
                          "purposely", "purposefully", "indiscriminately", "wantonly", "systematically"})
# Verbs by which a speaker reports its own acts ("the army claims it killed ..."), as
# against those by which it owns up to them ("admitted its soldiers shot them").
BOAST_VERBS = frozenset({"claim", "boast"})


@dataclass
class ClaimsStage:
    """Find claims, denials and accusations."""

    registry: ActorRegistry
    name: str = "claims"
    requires: tuple[str, ...] = ("parsed", "actors", "segments")
    assigns: tuple[str, ...] = ("claims",)

    @cached_property
    def who(self) -> Speakers:
        """The one resolver of speakers and doers over the registry, for every question asked."""
        return Speakers(self.registry)

    def find(self, doc: Document) -> list[Claim]:
        found: list[Claim] = []
        voice = own_acts.voice_of(doc, self.who)
        for sentence in doc.parsed.sents:
            for token in sentence:
                found.extend(self.claims_at(doc, token, voice))
        return merge_duplicates(found)

    def __call__(self, doc: Document) -> Document:
        if doc.parsed is None:
            return doc
        return doc.with_(claims=tuple(self.find(doc)))

    def claims_at(self, doc: Document, token: Any, voice: Actor | None = None) -> Iterator[Claim]:
        lemma = token.lemma_.lower()
        if not syntax.is_predicate(token) or negated(token):
            return
        objects = {c.lemma_.lower() for c in token.children if c.dep_ in ("dobj", "nsubjpass")}
        claimed = (lemma == "claim" and objects & (RESPONSIBILITY | EVENT_OBJECTS)) or \
            (lemma in TAKE_VERBS and objects & RESPONSIBILITY)
        if claimed or owned_act(token):
            yield from (c for c in self.make(doc, token, "claim", [])
                        if claimed or lemma not in BOAST_VERBS or not self.is_state_force(c.actor))
        elif lemma in DENY_VERBS and (objects & DENY_OBJECTS or perpetration_below(token)):
            yield from self.make(doc, token, "denial", [])
        elif blames(token) and about_violence(token):
            targets = blame_targets(token)
            blamed = [c for c in token.children if c.dep_ == "nsubjpass"]
            if targets:
                yield from self.make(doc, token, "accusation", targets)
            elif blamed and not any(c.dep_ == "agent" for c in token.children):
                yield from self.reported_blame(doc, token, syntax.with_conjuncts(blamed[0]))
        elif lemma == "have" and "nothing" in objects and any(t.lemma_ == "do" for t in token.subtree):
            yield from self.disowned(doc, token)
        elif syntax.verb_in(token, PERPETRATE) or phrasal_perpetration(token):
            yield from self.reported_perpetration(doc, token)
            yield from self.voiced_own_act(doc, token, voice)
        elif violent(token):
            yield from self.reported_own_act(doc, token)
            yield from self.voiced_own_act(doc, token, voice)
            if intended(token):     # "said the coalition deliberately targeted children"
                yield from (c for c in self.reported_perpetration(doc, token) if c.kind == "accusation")
        elif defended_act(token) and (speech := governing_speech(token)) is not None:
            yield from self.make(doc, speech, "claim", [])

    def make(self, doc: Document, verb: Any, kind: str, targets: list[Any]) -> Iterator[Claim]:
        """Build the claims a verb makes, one per speaker it has."""
        sentence = verb.sent
        who = self.who
        for speaker in who.speakers(doc, verb):
            against = tuple(dict.fromkeys(n for t in targets if (n := who.target_name(doc, t))))
            if kind == "accusation" and not against:
                continue
            yield Claim(
                id="", kind=kind, actor=speaker.name, against=against,
                evidence=(Span(sentence.start_char, sentence.end_char),),
                channel=channel(doc, verb) if kind == "claim" else None,
                time=time_of(doc, sentence), firmness=firmness(verb),
                speaker=speaker.speaker or (speaker.surface if speaker.surface != speaker.name else None))

    def disowned(self, doc: Document, predicate: Any) -> Iterator[Claim]:
        """Read "X had nothing to do with the attack" as X's denial, whoever reports it;
        "we had nothing to do with it," said by X, is X's own."""
        sentence = predicate.sent
        for subject in syntax.subjects(predicate):
            speech = governing_speech(predicate) if subject.lower_ in ("we", "i") else None
            if speech is not None:
                yield from self.make(doc, speech, "denial", [])
                return
            actor = resolve(doc, subject)
            if actor is not None:
                yield Claim("", "denial", actor.name, (Span(sentence.start_char, sentence.end_char),),
                            time=time_of(doc, sentence), firmness=firmness(predicate))
                return

    def reported_blame(self, doc: Document, verb: Any, blamed: list[Any]) -> Iterator[Claim]:
        """Turn "S said X was blamed for / suspected of the attack" into S's accusation of X,
        as firm as the blaming verb ("suspected" hedges it)."""
        speech = governing_speech(verb)
        if speech is None:
            return
        for claim in self.make(doc, speech, "accusation", blamed):
            if claim.actor not in claim.against:
                yield replace(claim, firmness=firmness(verb) if claim.firmness == "asserted" else claim.firmness)

    def reported_own_act(self, doc: Document, predicate: Any) -> Iterator[Claim]:
        """Turn "G said its fighters attacked ..." (or G's outlet: "Amaq said G fighters
        attacked") into G's claim, where G is a non-state armed group (or a name the registry
        lacks, shaped like one): it owns the act. A state telling of its own operations
        claims nothing."""
        doers = active_doers(predicate)
        speech = governing_speech(predicate)
        if not doers or speech is None or hypothetical(predicate):
            return
        who = self.who
        for claim in self.make(doc, speech, "claim", []):
            entry = self.registry.find(claim.actor)
            own = all(self_reference(d) or unowned_fighters(d) or who.target_name(doc, d) == claim.actor
                      for d in doers)
            if own and (entry.type in NON_STATE_ARMED if entry is not None else unknown_group(claim.actor)):
                yield claim

    def is_state_force(self, name: str) -> bool:
        """Say whether an actor is a state's forces: "the army claims it inflicted casualties"
        tells of an operation, and claims no responsibility (an admission still does)."""
        entry = self.registry.find(name)
        return entry is not None and entry.type == "State forces"

    def voiced_own_act(self, doc: Document, predicate: Any, voice: Actor | None) -> Iterator[Claim]:
        """Turn "our units attacked ..." or "the group destroyed ..." in a report that is an armed
        group's own word (its outlet's broadcast) into the group's claim: nobody reports it, the
        group tells of its own act. A clause someone in the report is said to say is left to them."""
        if voice is None or governing_speech(predicate) is not None or hypothetical(predicate) \
                or quoted(doc, predicate):
            return
        if not violent(predicate) and not any(c.dep_ == "dobj" and c.lemma_.lower() in EVENT_OBJECTS
                                              for c in predicate.children):
            return      # "committed errors", "would commit itself": no act of violence
        doers = active_doers(predicate)
        who = self.who
        if doers and all(first_person(d) or unowned_fighters(d) or who.target_name(doc, d) == voice.name
                         for d in doers):
            sentence = predicate.sent
            yield Claim("", "claim", voice.name, (Span(sentence.start_char, sentence.end_char),),
                        channel=voice.speaker, time=time_of(doc, sentence), firmness=firmness(predicate),
                        speaker=voice.speaker)

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


def defended_act(verb: Any) -> bool:
    """Say whether a clause defends an attack as lawful: "the strike was a legitimate military
    operation", "the raid was justified". Who says so owns it, as a claim without the word."""
    if negated(verb):
        return False
    if verb.lemma_.lower() == "justify":        # "the raid had been justified"
        return any(s.dep_ == "nsubjpass" and s.lemma_.lower() in EVENT_OBJECTS for s in verb.children) \
            and not any(c.dep_ == "agent" for c in verb.children)
    if verb.lemma_.lower() != "be":
        return False
    subjects = [s for s in verb.children if s.dep_ == "nsubj" and s.lemma_.lower() in EVENT_OBJECTS]
    said = [c for c in verb.children if c.dep_ in ("attr", "acomp")]
    return bool(subjects) and not any(t.dep_ == "agent" or t.lower_ == "by" for c in said for t in c.subtree) \
        and any(t.lemma_.lower() in DEFENCE_WORDS for c in said for t in c.subtree)








def owned_act(verb: Any) -> bool:
    """Say whether a verb owns a violent act for its own subject: "X claimed it bombed the
    post", "X claims to have destroyed six towers", "X admitted that its men shot them".

    "Claim" and "admit" are no plain verbs of saying: with the speaker as the doer,
    the clause they govern is a claim of responsibility, whatever the act's verb.
    """
    if verb.lemma_.lower() not in OWNING_VERBS:
        return False
    for clause in verb.children:
        if clause.dep_ not in ("ccomp", "xcomp") or lexicon.trigger_at(clause) is None and not violent(clause):
            continue
        doers = doers_of(clause)
        if clause.dep_ == "xcomp" and not doers or doers and all(self_reference(d) for d in doers):
            return True
    return False


def doers_of(predicate: Any) -> list[Any]:
    """Return who did it: the "by" agent of a passive ("staged by X"), whose work it was
    ("the work of X"), else the verb's own subject."""
    agents = syntax.agents(predicate) or handiwork_of(predicate)
    if agents:
        return [t for a in agents for t in syntax.with_conjuncts(a)]
    own = [c for c in predicate.children if c.dep_ in ("nsubj", "nsubjpass")]
    return [t for o in own for t in syntax.with_conjuncts(o)]



def negated(token: Any) -> bool:
    """Say whether a verb is negated, or has "no group" for its subject."""
    if any(c.dep_ == "neg" for c in token.children):
        return True
    pair = [token, token.head] if token.dep_ == "conj" else [token]     # "neither claimed nor denied"
    if any(c.lower_ in ("neither", "nor") for t in pair for c in t.children):
        return True
    return any(d.lower_ in ("no", "none") for s in syntax.subjects(token) for d in s.subtree)


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
        t.lemma_.lower() in EVENT_OBJECTS or syntax.verb_in(t, PERPETRATE) or phrasal_perpetration(t)
        or lexicon.trigger_at(t) is not None for r in reasons for t in r.subtree)


def blame_targets(verb: Any) -> list[Any]:
    """Return whom a blame verb blames: "blamed X for ...", "blamed the attack on X"."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "on":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return syntax.with_conjuncts(objects[0])
    objects = [c for c in verb.children if c.dep_ in ("dobj", "oprd")]    # "named X as responsible"
    return syntax.with_conjuncts(objects[0]) if objects else []


def phrasal_perpetration(token: Any) -> bool:
    """Say whether a verb says who did it: "carried out", "was behind", "was responsible for",
    "was the work of"."""
    lemma = token.lemma_.lower()
    if lemma == "carry" and any(c.dep_ == "prt" and c.lower_ == "out" for c in token.children):
        return True
    if lemma in ("bear", "have", "carry"):      # "bore the hallmarks of X"
        return bool(handiwork_of(token))
    if lemma == "be":       # "was behind", "was (most likely) behind", "was responsible for"
        near = [*token.children, *(g for c in token.children if c.dep_ == "acomp" for g in c.children)]
        return any((c.dep_ == "prep" and c.lower_ == "behind") or
                   (c.dep_ == "acomp" and c.lower_ == "responsible") for c in near) or bool(handiwork_of(token))
    return False


def handiwork_of(verb: Any) -> list[Any]:
    """Return whose work an attack is said to be: X in "the bombing was the work of X" or
    "bore the hallmarks of X"."""
    lemma = verb.lemma_.lower()
    marks = [a for a in verb.children if lemma == "be" and a.dep_ == "attr" and a.lemma_.lower() in WORK_WORDS
             or lemma in ("bear", "have", "carry") and a.dep_ == "dobj" and a.lemma_.lower() in HALLMARK_WORDS]
    return [o for a in marks for p in a.children if p.dep_ == "prep" and p.lower_ == "of"
            for o in p.children if o.dep_ == "pobj"]


def perpetration_below(token: Any) -> bool:
    return any(phrasal_perpetration(t) or syntax.verb_in(t, PERPETRATE) for t in token.subtree)


def governing_speech(predicate: Any) -> Any:
    """Return the verb of saying a clause is reported under, through "the line that ..."."""
    current = predicate
    for _ in range(6):
        if current.head == current:
            return None
        head = current.head
        if current.dep_ in ("ccomp", "relcl", "acl") and head.lemma_.lower() in SPEECH_NOUNS:
            return head.head if syntax.is_predicate(head.head) else None
        if current.dep_ in ("ccomp", "xcomp", "advcl") and (head.lemma_.lower() in SPEECH or read_out(head)):
            return head
        if current.dep_ == "oprd" and head.lemma_.lower() in LABEL_VERBS:    # "called it a plot staged by X"
            return head
        if current.dep_ not in ("ccomp", "conj", "relcl", "acl", "dobj", "xcomp"):
            return None
        current = head
    return None


def intended(verb: Any) -> bool:
    """Say whether an act is told as meant: "deliberately targeted", "indiscriminately
    shelled". Telling that another did harm on purpose blames it, as "carried out" names it."""
    return any(c.dep_ == "advmod" and c.lower_ in INTENT_WORDS for c in verb.children)


def unknown_group(name: str) -> bool:
    """Say whether a name the registry lacks is an armed group's: shaped like one, and more
    than a bare "Army" or "Police" (a state's forces, its country unsaid)."""
    return group_shaped(name) and len(name.split()) > 1


def read_out(verb: Any) -> bool:
    """Say whether a verb gives a text's words: "the communique reads", "the leaflets read"."""
    return verb.lemma_.lower() == "read" and \
        any(s.lemma_.lower() in DOCUMENT_NOUNS for s in syntax.subjects(verb))


def hedged_clause(predicate: Any) -> bool:
    """Say whether a clause hedges: "might have", "was likely behind", "bore the hallmarks of"."""
    near = [*predicate.children, *(g for c in predicate.children for g in c.children)]
    return any(c.lower_ in HEDGE_WORDS or c.dep_ == "dobj" and c.lemma_.lower() in HALLMARK_WORDS for c in near)


def firmness(verb: Any) -> str:
    """Say whether the report asserts, hedges or disowns what a verb says."""
    chain = [verb, *verb.ancestors]
    if any(c.lower_ in FALSE_WORDS for t in chain for c in t.children):
        return "false"
    if verb.lemma_.lower() in HEDGE_VERBS or hedged_clause(verb):
        return "hedged"
    return "asserted"

