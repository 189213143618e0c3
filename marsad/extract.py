"""The one place that assembles marsad's pipeline, and the library's ``extract`` call.

The CLI, and later the web app and the cluster runner, ask here for a
pipeline; none of them imports stages one by one.
"""

from __future__ import annotations

from typing import Any, Iterable, Iterator

from marsad.actors import ActorRegistry
from marsad.gazetteer import Gazetteer
from marsad.ingest import language_note, looks_english
from marsad.ingest.reader import EMPTY_HTML_NOTE
from marsad.model import Document
from marsad.pipeline import Pipeline
from marsad.stages.actors import ActorsStage
from marsad.stages.attack import AttackStage
from marsad.stages.casualties import CasualtiesStage
from marsad.stages.claims import ClaimsStage
from marsad.stages.events import EventsStage
from marsad.stages.incidents import IncidentsStage
from marsad.stages.nlp import DEFAULT_MODEL, NlpStage, load_model
from marsad.stages.places import PlacesStage
from marsad.stages.roles import RolesStage


def build_pipeline(nlp: Any, gazetteer: Gazetteer, registry: ActorRegistry) -> Pipeline:
    """Assemble the stages in order over the given model, gazetteer and actor registry."""
    return Pipeline((
        NlpStage(nlp),
        PlacesStage(gazetteer, is_actor=lambda name: registry.find(name) is not None,
                    demonym=registry.demonym),
        ActorsStage(registry, nlp.tokenizer),
        EventsStage(),
        CasualtiesStage(),
        ClaimsStage(registry),
        IncidentsStage(),
        AttackStage(),
        RolesStage(registry),
    ))


def default_pipeline(model: str = DEFAULT_MODEL) -> Pipeline:
    """Load the packaged model, the cached GeoNames index and the actor registry."""
    from marsad.gazetteer import open_default

    return build_pipeline(load_model(model), open_default(), ActorRegistry.load())


def extract(docs: Iterable[Document], pipeline: Pipeline) -> Iterator[Document]:
    """Run documents through the pipeline in batches; text that is empty or not English is noted, not parsed."""
    return pipeline.run(screen(doc) for doc in docs)


def screen(doc: Document) -> Document:
    """Mark a document the pipeline should pass over, with a note saying why."""
    if not doc.text.strip():
        note = "empty input"
    elif not looks_english(doc.text):
        note = language_note(doc.text) or "not English: no extraction attempted"
    else:
        return doc
    # ingest may have noted it
    said = any(n.startswith(note.split(" (")[0]) or n == EMPTY_HTML_NOTE for n in doc.notes)
    notes = doc.notes if said else doc.notes + (note,)
    return doc.with_(notes=notes, extras={**doc.extras, "skip": True})
