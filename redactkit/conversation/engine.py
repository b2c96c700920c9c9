"""Redact a conversation as a whole: collect known values from every turn, then redact every turn.

Two passes over the turns of one conversation (or of one window of a long one):

1. **collect** — the pipeline detects entities in every turn as usual; confident ones become known
   values (:func:`~.known.collect_known`);
2. **redact** — every turn is searched for the known values' forms (:func:`~.mentions.find_mentions`),
   earlier turns as much as later ones; those mentions join the turn's own entities, take the known
   value's label, and carry its identity (``Entity.ref``), so a numbered pseudonym is the same for
   every form of one value. Each mention found through another turn says which turn made it known
   (its row id, never its text).

A conversation longer than ``max_turns`` is redacted in windows of ``max_turns`` turns; the known
values of earlier windows carry forward, so memory stays bounded by the window and the known values.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from .._gc import paused_gc
from ..core import AlignedText, Entity, RedactionResult
from ..errors import DataError
from ..spans import child_ages_as_age, is_child_age, resolve_overlaps
from .answers import answers as turn_answers
from .known import KnownValue, collect_known
from .mentions import Mention, PatternIndex, find_mentions
from .options import ConversationOptions

if TYPE_CHECKING:
    from ..pipeline import Pipeline

__all__ = ["DETECTOR", "ConversationRedactor", "ConversationResult", "KnownSummary", "Turn"]

#: ``detector`` of entities found only because another turn made their value known.
DETECTOR = "conversation"
#: labels a turn's own detectors may give a name said alone; an answer to a question for a name is one
RELABELLED = frozenset({"LOCATION", "ORGANIZATION"})


@dataclass(frozen=True, slots=True)
class Turn:
    """One turn of a conversation: its text, the row id explanations name, and its speaker."""

    text: str | None
    id: str | None = None
    speaker: str | None = None


@dataclass(frozen=True, slots=True)
class KnownSummary:
    """What a conversation made known, without the value: its label, the turn that revealed it
    (row id and position), that turn's speaker, and how many mentions were redacted through it."""

    label: str
    source: str
    turn: int
    speaker: str | None
    mentions: int


class ConversationResult(Sequence[RedactionResult]):
    """The redaction result of every turn, in the order given, plus what the conversation made known."""

    def __init__(self, results: list[RedactionResult], known: list[KnownSummary]) -> None:
        self.results = results
        #: the known values (labels and source turns only, never the values)
        self.known = known

    def __len__(self) -> int:
        return len(self.results)

    def __getitem__(self, index: Any) -> Any:
        return self.results[index]

    def __iter__(self) -> Iterator[RedactionResult]:
        return iter(self.results)

    def __repr__(self) -> str:
        return f"ConversationResult({len(self.results)} turns, {len(self.known)} known values)"


def as_turns(
    turns: Sequence[Any], ids: Sequence[Any] | None = None, speakers: Sequence[Any] | None = None
) -> list[Turn]:
    """Turns from texts (``str``/``None``), :class:`Turn` objects or mappings with ``text`` and
    optionally ``id`` and ``speaker``; ``ids``/``speakers`` fill in what the turns do not carry."""
    if isinstance(turns, str):
        raise DataError("a conversation is a list of turns, not one str; use redact() for one text")
    items = list(turns)
    for name, extra in (("ids", ids), ("speakers", speakers)):
        if extra is not None and len(extra) != len(items):
            raise DataError(f"redact_conversation got {len(items)} turns but {len(extra)} {name}")
    result: list[Turn] = []
    for index, item in enumerate(items):
        if isinstance(item, Turn):
            turn = item
        elif item is None or isinstance(item, str):
            turn = Turn(item)
        elif isinstance(item, Mapping):
            unknown = sorted(set(item) - {"text", "id", "speaker"})
            if unknown or "text" not in item:
                raise DataError(
                    f"turn {index} is a mapping with keys {sorted(item)}; a turn mapping has 'text' "
                    "and optionally 'id' and 'speaker', e.g. {'text': 'hi', 'id': 'r1', 'speaker': 'agent'}"
                )
            turn = Turn(item["text"], _str(item.get("id")), _str(item.get("speaker")))
        else:
            raise DataError(
                f"turn {index} is of type {type(item).__name__}; a turn is a str, None, a Turn or a "
                "mapping with 'text'"
            )
        if turn.text is not None and not isinstance(turn.text, str):
            raise DataError(f"turn {index} has a text of type {type(turn.text).__name__}; give str or None")
        if ids is not None:
            turn = replace(turn, id=_str(ids[index]))
        if speakers is not None:
            turn = replace(turn, speaker=_str(speakers[index]))
        result.append(turn)
    return result


def _str(value: Any) -> str | None:
    return None if value is None else str(value)


class ConversationRedactor:
    """Redacts conversations with a pipeline's normalizers, detectors and anonymizer.

    Holds the known values of the last conversation it saw, so that a conversation redacted in
    several calls (a long one, in windows; one split across record batches) keeps what its earlier
    part revealed: pass ``continues=True`` for the later parts.
    """

    def __init__(self, pipeline: Pipeline, options: ConversationOptions | None = None) -> None:
        self.pipeline = pipeline
        self.options = options or pipeline.conversation
        self._carry_group: str | None = None
        self._carry: list[KnownValue] = []
        self._mentions: dict[str, int] = {}
        self._offset = 0

    def reset(self) -> None:
        """Forget the conversation in progress."""
        self._carry_group = None
        self._carry = []
        self._mentions = {}
        self._offset = 0

    @property
    def current(self) -> str | None:
        """Id of the conversation whose known values are carried to the next call."""
        return self._carry_group

    def redact(
        self, turns: Sequence[Turn], conversation: str | None = None, *, continues: bool = False
    ) -> ConversationResult:
        """Redact the turns of one conversation, in order (windows of ``max_turns`` turns).

        ``continues``: these turns continue the conversation of the previous call (same id), whose
        known values still apply.
        """
        return self.redact_many([(conversation, turns)], continues=continues)[0]

    def redact_many(
        self, conversations: Sequence[tuple[str | None, Sequence[Turn]]], *, continues: bool = False
    ) -> list[ConversationResult]:
        """Redact several conversations; their turns are analyzed together, in the pipeline's
        batches (detectors are fastest on large batches). ``continues``: the first conversation
        continues the one the previous call ended with, if its id is the same."""
        # batch work, as in Pipeline.redact_batch: the cyclic collector would otherwise walk every
        # long-lived object (models, word lists) many times per batch
        with paused_gc():
            return self._redact_many(conversations, continues=continues)

    def _redact_many(
        self, conversations: Sequence[tuple[str | None, Sequence[Turn]]], *, continues: bool
    ) -> list[ConversationResult]:
        size = self.options.max_turns
        short = [index for index, (_, turns) in enumerate(conversations) if len(turns) <= size]
        texts = [turn.text for index in short for turn in conversations[index][1]]
        entities, aligned = self.pipeline._analyze_aligned(texts)
        analyzed: dict[int, tuple[list[list[Entity]], list[AlignedText | None]]] = {}
        offset = 0
        for index in short:
            count = len(conversations[index][1])
            analyzed[index] = (entities[offset : offset + count], aligned[offset : offset + count])
            offset += count
        results: list[ConversationResult] = []
        for index, (conversation, turns) in enumerate(conversations):
            carried = continues and index == 0 and conversation is not None
            if not (carried and conversation == self._carry_group):
                self._carry, self._mentions, self._offset = [], {}, 0
                # numbering starts afresh with each conversation (and memory stays bounded)
                self.pipeline.anonymizer.for_conversations().reset_groups()
            self._carry_group = conversation
            redacted: list[RedactionResult] = []
            if index in analyzed:
                redacted = self._redact_window(turns, conversation, *analyzed[index])
            else:
                for start in range(0, len(turns), size):
                    window = turns[start : start + size]
                    found, views = self.pipeline._analyze_aligned([turn.text for turn in window])
                    redacted.extend(self._redact_window(window, conversation, found, views))
            results.append(ConversationResult(redacted, self._summary()))
        return results

    def _summary(self) -> list[KnownSummary]:
        """One entry per identity (the parts of a name count with the name), in order of appearance."""
        identities: dict[str, KnownSummary] = {}
        for value in self._carry:
            count = self._mentions.get(f"{value.label}\0{value.canonical}", 0)
            first = identities.get(value.ref)
            if first is None:
                identities[value.ref] = KnownSummary(
                    value.label, value.source, value.turn, value.speaker, count
                )
            else:
                identities[value.ref] = replace(first, mentions=first.mentions + count)
        return list(identities.values())

    def _redact_window(
        self,
        turns: Sequence[Turn],
        conversation: str | None,
        entities: Sequence[list[Entity]],
        aligned: Sequence[AlignedText | None],
    ) -> list[RedactionResult]:
        pipe = self.pipeline
        texts = [turn.text for turn in turns]
        sources = [
            turn.id if turn.id is not None else f"turn {self._offset + index}"
            for index, turn in enumerate(turns)
        ]
        entities = self._with_answers(texts, entities, aligned, [turn.speaker for turn in turns])
        known = collect_known(
            list(zip(aligned, entities, strict=True)),
            sources,
            self.options,
            speakers=[turn.speaker for turn in turns],
            carried=self._carry,
            offset=self._offset,
        )
        index = PatternIndex(known, self.options.locale)
        detected = {span: value for value in known for span in value.spans}
        carried_ids = {id(value) for value in self._carry}
        final: list[list[Entity]] = []
        provenance: list[dict[tuple[int, int], str]] = []
        for position, (text, alignment, own) in enumerate(zip(texts, aligned, entities, strict=True)):
            if not text or alignment is None:
                final.append([])
                provenance.append({})
                continue
            mentions = [
                mention
                for mention in find_mentions(alignment, index)
                if pipe._keep(_threshold_view(_mention_entity(mention)), text)
            ]
            merged, known_from = self._combine(text, own, mentions, position, carried_ids, detected)
            final.append(merged)
            provenance.append(known_from)
        anonymizer = pipe.anonymizer.for_conversations()
        positions = [i for i, text in enumerate(texts) if text]
        results = [RedactionResult(text, ()) for text in texts]
        if positions:
            redacted = anonymizer.anonymize_batch(
                [texts[i] or "" for i in positions],
                [final[i] for i in positions],
                [conversation or ""] * len(positions),
            )
            for i, result in zip(positions, redacted, strict=True):
                results[i] = _with_sources(result, provenance[i])
        results = pipe.sensitivity.apply(texts, results)
        self._carry = known
        self._offset += len(turns)
        return results

    def _with_answers(
        self,
        texts: Sequence[str | None],
        entities: Sequence[list[Entity]],
        aligned: Sequence[AlignedText | None],
        speakers: Sequence[str | None],
    ) -> list[list[Entity]]:
        """The turns' entities plus the names and ages given in answer to a question for one in the
        turn before (:func:`~.answers.answers`), where the
        pipeline keeps them. A place or an organisation the turn's own detectors saw inside the answer
        is the name ("it's smith")."""
        answers = turn_answers(aligned, speakers, self.options.locale)
        out: list[list[Entity]] = []
        for text, own, extra in zip(texts, entities, answers, strict=True):
            new = [entity for entity in extra if text and self.pipeline._keep(entity, text)]
            if not text or not new:
                out.append(list(own))
                continue
            rest = [
                o
                for o in own
                if not (o.label in RELABELLED and any(n.start <= o.start and o.end <= n.end for n in new))
            ]
            # an answer inside one of the turn's own entities adds no characters; a child's age adds
            # its protection (fail closed: "twelve years old" read as a plain AGE by the turn alone)
            rest = [_with_child_age_of(o, new) for o in rest]
            new = [n for n in new if not any(o.start <= n.start and n.end <= o.end for o in rest)]
            # (the turn's own entities come as the pipeline reports them: a child's age an AGE
            # protected as a MINOR; an answer's MINOR becomes one here, after MINOR's threshold)
            out.append(
                resolve_overlaps(
                    [*rest, *child_ages_as_age(new)], text, merge_adjacent=self.pipeline.merge_adjacent
                )
            )
        return out

    def _combine(
        self,
        text: str,
        own: Sequence[Entity],
        mentions: Sequence[Mention],
        position: int,
        carried_ids: set[int],
        detected: Mapping[tuple[int, int, int], KnownValue],
    ) -> tuple[list[Entity], dict[tuple[int, int], str]]:
        """The turn's entities with the mentions added: overlaps resolved, mentions' labels and
        identities applied; plus, per entity span, the row id of the turn that made it known."""
        # a mention inside one of the turn's own entities adds no characters, only its provenance
        extra = [
            _mention_entity(mention)
            for mention in mentions
            if not any(entity.start <= mention.start and mention.end <= entity.end for entity in own)
        ]
        merged = (
            resolve_overlaps([*own, *extra], text, merge_adjacent=self.pipeline.merge_adjacent)
            if extra
            else list(own)
        )
        result: list[Entity] = []
        known_from: dict[tuple[int, int], str] = {}
        for entity in merged:
            inside = [m for m in mentions if m.start < entity.end and entity.start < m.end]
            if not inside:
                source = detected.get((self._offset + position, entity.start, entity.end))
                # a known value's own detection where its pattern needs evidence the turn lacks
                result.append(
                    entity
                    if source is None
                    else replace(entity, ref=source.ref, policy_label=_protected_as(entity, source))
                )
                continue
            main = max(inside, key=lambda m: (min(m.end, entity.end) - max(m.start, entity.start), -m.start))
            covered = sum(min(m.end, entity.end) - max(m.start, entity.start) for m in inside)
            label = entity.label
            if label != main.value.label and 2 * covered >= entity.length:
                label = main.value.label
            ref = main.value.ref if label == main.value.label else ""
            elsewhere = id(main.value) in carried_ids or main.value.turn != self._offset + position
            explanation = entity.explanation
            if elsewhere:
                known_from[(entity.start, entity.end)] = main.value.source
                self._count(main.value)
                note = f"known {main.value.label} ({main.pattern.form}) made known by row {main.value.source}"
                explanation = note if entity.detector == DETECTOR else f"{explanation}; {note}"
            elif entity.detector == DETECTOR:
                explanation = f"known {main.value.label} ({main.pattern.form}) from this turn"
            policy_label = _protected_as(replace(entity, label=label), main.value)
            result.append(
                replace(entity, label=label, ref=ref, explanation=explanation, policy_label=policy_label)
            )
        return result, known_from

    def _count(self, value: KnownValue) -> None:
        key = f"{value.label}\0{value.canonical}"
        self._mentions[key] = self._mentions.get(key, 0) + 1


def _with_child_age_of(entity: Entity, answers: Sequence[Entity]) -> Entity:
    """``entity`` protected as a ``MINOR`` too when it holds an answer that is a child's age."""
    if entity.policy_label or entity.label == "MINOR":
        return entity
    if any(is_child_age(a) and entity.start <= a.start and a.end <= entity.end for a in answers):
        return replace(entity, policy_label="MINOR")
    return entity


def _protected_as(entity: Entity, value: KnownValue) -> str:
    """The second label an entity that is (or holds) a mention of ``value`` is protected as: its own,
    else the value's (a repeated child's age keeps ``MINOR``'s protection: fail closed)."""
    protected = entity.policy_label or value.policy_label
    return "" if protected == entity.label else protected


def _threshold_view(entity: Entity) -> Entity:
    """The entity as its threshold reads it: a mention of a child's age (an ``AGE`` protected as a
    ``MINOR``) is kept or dropped by ``MINOR``'s threshold, as its first detection was."""
    return replace(entity, label=entity.policy_label) if entity.policy_label else entity


def _mention_entity(mention: Mention) -> Entity:
    value = mention.value
    return Entity(
        mention.start,
        mention.end,
        value.label,
        value.score,
        DETECTOR,
        f"known {value.label} ({mention.pattern.form})",
        value.ref,
        policy_label=value.policy_label,
    )


def _with_sources(result: RedactionResult, known_from: dict[tuple[int, int], str]) -> RedactionResult:
    if not known_from:
        return result
    entities = tuple(
        replace(entity, known_from=known_from.get((entity.start, entity.end)))
        if (entity.start, entity.end) in known_from
        else entity
        for entity in result.entities
    )
    return RedactionResult(result.text, entities)
