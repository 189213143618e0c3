"""The pipeline's own guarantees: stage order checked when built, one bad document never ends a run."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from marsad.model import Document
from marsad.pipeline import Pipeline, PipelineError


@dataclass
class Mark:
    """A stage that records its name in the document's notes, and fails on one document id."""

    name: str
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()
    fail_on: str | None = None

    def __call__(self, doc: Document) -> Document:
        if doc.id == self.fail_on:
            raise ValueError("cannot read this one")
        return doc.with_(notes=doc.notes + (self.name,))


def test_pipeline_refuses_a_stage_before_the_one_it_needs():
    with pytest.raises(PipelineError, match="'events' needs \\['places'\\]"):
        Pipeline((Mark("events", requires=("places",)), Mark("places", assigns=("places",))))


def test_pipeline_accepts_stages_in_order():
    pipeline = Pipeline((Mark("places", assigns=("places",)), Mark("events", requires=("places",))))
    assert pipeline.names == ("places", "events")


def test_pipeline_failure_of_one_document_is_a_note_and_the_rest_go_on():
    pipeline = Pipeline((Mark("first"), Mark("second", fail_on="bad")))
    docs = [Document(id=name, text="text") for name in ("a", "bad", "c")]
    out = list(pipeline.run(docs, batch_size=3))
    assert [d.id for d in out] == ["a", "bad", "c"]
    assert out[0].notes == ("first", "second") and out[2].notes == ("first", "second")
    assert out[1].notes[-1].startswith("extraction failed (ValueError: cannot read this one)")


def test_pipeline_skipped_documents_keep_their_place_in_the_order():
    pipeline = Pipeline((Mark("only"),))
    docs = [Document(id="a", text="x"), Document(id="b", text="", extras={"skip": True}),
            Document(id="c", text="y")]
    out = list(pipeline.run(docs, batch_size=2))
    assert [(d.id, d.notes) for d in out] == [("a", ("only",)), ("b", ()), ("c", ("only",))]
