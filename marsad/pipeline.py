"""The ordered stages a Document passes through, and the one place that assembles them.

Each stage declares which Document fields it reads (``requires``) and writes
(``assigns``); ``Pipeline`` checks the order when it is built, so a stage put
before the one it depends on fails at once rather than on page 40 of a run.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Iterator, Protocol

from marsad.model import Document

# Fields a Document has when it leaves ingest, before any stage ran.
BATCH_SIZE = 16
INPUT_FIELDS = frozenset({"id", "text", "title", "url", "published", "notes", "segments"})


class Stage(Protocol):
    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def __call__(self, doc: Document) -> Document: ...


class PipelineError(RuntimeError):
    """A pipeline whose stages are out of order, or a stage that broke its contract."""


@dataclass(frozen=True)
class Pipeline:
    stages: tuple[Stage, ...]

    def __post_init__(self) -> None:
        available = set(INPUT_FIELDS)
        for stage in self.stages:
            missing = set(stage.requires) - available
            if missing:
                raise PipelineError(f"stage {stage.name!r} needs {sorted(missing)} "
                                    "that no earlier stage assigns")
            available |= set(stage.assigns)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(stage.name for stage in self.stages)

    def __call__(self, doc: Document) -> Document:
        if doc.extras.get("skip"):
            return doc
        for stage in self.stages:
            doc = stage(doc)
            if not isinstance(doc, Document):
                raise PipelineError(f"stage {stage.name!r} returned {type(doc).__name__}, "
                                    "not a Document")
        return doc

    def run(self, docs: Iterable[Document], batch_size: int = BATCH_SIZE) -> Iterator[Document]:
        """Run documents through in batches; a stage with ``pipe`` takes a batch at once."""
        batch: list[Document] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self.run_batch(batch)
                batch = []
        yield from self.run_batch(batch)

    def run_batch(self, docs: list[Document]) -> list[Document]:
        """Run a batch; if a stage fails on it, run its documents one by one so only the bad one fails."""
        try:
            waiting = [d for d in docs if not d.extras.get("skip")]
            for stage in self.stages:
                pipe = getattr(stage, "pipe", None)
                waiting = pipe(waiting) if pipe else [stage(d) for d in waiting]
            done = iter(waiting)
            return [d if d.extras.get("skip") else next(done) for d in docs]
        except Exception:       # noqa: BLE001 - isolate the document that caused it below
            return [self.safely(doc) for doc in docs]

    def safely(self, doc: Document) -> Document:
        """Run one document; a failure becomes a note on it, not the end of the run."""
        try:
            return self(doc)
        except Exception as error:      # noqa: BLE001 - reported on the document itself
            note = f"extraction failed ({type(error).__name__}: {str(error)[:120]}); no records"
            return doc.with_(notes=doc.notes + (note,), parsed=None)
