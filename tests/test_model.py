"""Document's range queries: what stages ask once per sentence."""

from marsad.model import Actor, Document, EventMention, Place, Span


def place(start: int, name: str) -> Place:
    return Place(Span(start, start + len(name)), name, None)


def event(start: int, end: int) -> EventMention:
    return EventMention(Span(start, end), Span(start, start + 4), "Battles", "Armed clash", None, None)


def test_places_within_returns_those_beginning_in_the_range_in_text_order():
    doc = Document("d", "x" * 100, places=(place(40, "Beta"), place(5, "Alpha"), place(70, "Gamma")))
    assert [p.name for p in doc.places_within(0, 50)] == ["Alpha", "Beta"]
    assert [p.name for p in doc.places_within(41, 70)] == []
    assert [p.name for p in doc.places_within(70, 71)] == ["Gamma"]


def test_events_within_finds_a_sentence_by_its_start():
    doc = Document("d", "x" * 100, events=(event(30, 60), event(0, 29), event(30, 60)))
    assert len(doc.events_within(30, 31)) == 2
    assert [e.span.start for e in doc.events_within(0, 30)] == [0]


def test_a_new_document_does_not_reuse_the_old_ones_order():
    doc = Document("d", "x" * 100, places=(place(5, "Alpha"),))
    assert [p.name for p in doc.places_within(0, 10)] == ["Alpha"]
    later = doc.with_(places=(place(8, "Delta"),))
    assert [p.name for p in later.places_within(0, 10)] == ["Delta"]


def actor(start: int, end: int, name: str) -> Actor:
    return Actor(Span(start, end), name, name)


def test_actors_near_holds_every_actor_that_may_overlap_in_original_order():
    actors = (actor(50, 90, "Long"), actor(10, 14, "Early"), actor(60, 64, "Inner"), actor(95, 99, "Late"))
    doc = Document("d", "x" * 100, actors=actors)
    near = [a.name for a in doc.actors_near(61, 63)]
    assert near == ["Long", "Inner"]         # the 40-character mention that covers it is kept
    assert "Late" not in [a.name for a in doc.actors_near(0, 20)]
    assert [a.name for a in doc.actors_near(0, 100)] == ["Long", "Early", "Inner", "Late"]

