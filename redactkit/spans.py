"""Combine the entities of several detectors into one non-overlapping set, losing no character.

Principle 1 (recall first) decides every tie here: when detectors disagree about where an entity
ends, the union wins; when they disagree about its label, the more confident label names the whole
union, unless a detection nearly as confident holds it whole (the web address, not a name inside it).
A character any detector flagged is always inside some resolved entity, except the whitespace between
two values of different labels that one less confident detection read as one ("<surname> <phone number>").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

from .core import Entity
from .labels import LabelCategory, labels

__all__ = [
    "CHILD_AGE_NOTE",
    "GRADE_EXPLANATION",
    "child_age",
    "child_ages_as_age",
    "is_child_age",
    "resolve_overlaps",
]

#: what a child's age adds to its entity's explanation (:func:`child_ages_as_age`)
CHILD_AGE_NOTE = "a child's age"
#: how the ``special`` detector explains a school grade, the one ``MINOR`` that is no age
GRADE_EXPLANATION = "special: child_grade"

#: how much less confident a detection that holds another one whole may be and still name their union
_INSIDE_MARGIN = 0.1
#: labels whose values are words only: a detection of one that runs over a number another detection
#: reads as a value of its own joined two values (a code, a password or an address holds both)
_WORD_LABELS = frozenset({"PERSON", "LOCATION", "ORGANIZATION", "NRP"})


def resolve_overlaps(
    entities: Iterable[Entity],
    text: str | None = None,
    *,
    merge_adjacent: bool = True,
    aside: Callable[[str, int, int], bool] | None = None,
    inserted: Callable[[str, Entity, Entity], bool] | None = None,
) -> list[Entity]:
    """Merge overlapping entities into their union; return them sorted by offset.

    The merged entity takes the label, detector and explanation of its best member (highest score,
    then longest span; a longer member holding it whole and at most ``_INSIDE_MARGIN`` less confident
    wins over it, unless its label is a special category) and the highest score; its explanation
    notes what was merged. A name, place or organisation detection spanning a whole cluster that
    other, at least as confident detections split into values of different labels with only
    whitespace between them gives way to them ("kipchirchir 9028091154" is a PERSON and a
    PHONE_NUMBER, not one LOCATION). With
    ``merge_adjacent`` and ``text`` given, entities of the same label separated only by whitespace
    become one (two PERSON hits on "john" and "smith" redact as one ``[PERSON]``), and so do entities
    of the same label separated only by an aside a speaker says inside a value, when ``aside(text,
    start, end)`` says ``text[start:end]`` is one ("cormier hold on c o r m i e r" is one name, its
    aside redacted with it), and so do two entities of the same label one word apart when
    ``inserted(text, first, second)`` says that word is one a recognizer put inside one value ("shane
    [is] berg").
    """
    ordered = sorted(entities, key=lambda entity: (entity.start, -entity.end))
    clusters: list[list[Entity]] = []
    cluster_end = -1
    for entity in ordered:
        if entity.start == entity.end:
            continue
        if clusters and entity.start < cluster_end:
            clusters[-1].append(entity)
            cluster_end = max(cluster_end, entity.end)
        else:
            clusters.append([entity])
            cluster_end = entity.end
    merged = [entity for cluster in clusters for entity in _split(cluster, text) or [_merge(cluster)]]
    if merge_adjacent and text is not None:
        merged = _merge_adjacent(merged, text, aside, inserted)
    return merged


def _split(cluster: Sequence[Entity], text: str | None) -> list[Entity] | None:
    """The values a detection read as one when other detections read them apart, or ``None``.

    A detection that spans the whole cluster ("kipchirchir 9028091154" read as one LOCATION) names
    nothing of its own when the other members split it into two or more values of different labels (a
    PERSON "kipchirchir", a PHONE_NUMBER "9028091154"), one of them of no ``_WORD_LABELS`` label ("lake
    catherine" read as a place and a name is one place), with nothing between them but whitespace (or,
    without ``text``, nothing), every detection spanning it all has a label whose values are words
    (``_WORD_LABELS``: a password, a code or an address may hold a name and a number) and none is more
    confident than the best of the others: then each value keeps its own label. The whitespace
    between them is the only text left out.
    """
    if len(cluster) < 3:
        return None
    start = min(entity.start for entity in cluster)
    end = max(entity.end for entity in cluster)
    whole = [entity for entity in cluster if entity.start == start and entity.end == end]
    if any(entity.label not in _WORD_LABELS for entity in whole):
        return None  # "password is murali 123": one value however its parts read
    parts = sorted(
        (entity for entity in cluster if not (entity.start == start and entity.end == end)),
        key=lambda entity: (entity.start, -entity.end),
    )
    if not whole or len(parts) < 2 or max(e.score for e in whole) > max(e.score for e in parts):
        return None
    groups: list[list[Entity]] = [[parts[0]]]
    group_end = parts[0].end
    for entity in parts[1:]:
        if entity.start < group_end:
            groups[-1].append(entity)
            group_end = max(group_end, entity.end)
            continue
        gap = text[group_end : entity.start] if text is not None else None
        if entity.start > group_end and (gap is None or gap.strip()):
            return None  # a word no value holds lies between them: the wide detection is all that reads it
        groups.append([entity])
        group_end = entity.end
    if len(groups) < 2 or groups[0][0].start != start or group_end != end:
        return None
    values = [_merge(group) for group in groups]
    if len({value.label for value in values}) < 2 or all(value.label in _WORD_LABELS for value in values):
        return None  # "lake catherine", "port clinton": one place however its words read alone
    return values


def _merge(cluster: Sequence[Entity]) -> Entity:
    if len(cluster) == 1:
        return cluster[0]
    special = labels.category_members(LabelCategory.SPECIAL_CATEGORY)
    best = max(cluster, key=lambda entity: (entity.score, entity.length))
    if best.label in _WORD_LABELS:
        # a word read as a name and as a special-category term, equally confident ("booked for
        # [dui]"): the special category names it, as it decides how the row is routed
        best = next(
            (e for e in cluster if _special(e, special) and (e.score, e.length) == (best.score, best.length)),
            best,
        )
    # a detection that read the whole value names it, not a word found inside it ("kaya" the given name
    # inside "kaya dash yoga dot studio", "agnes" inside "saint agnes medical center"), unless it is
    # much less confident
    wide = max(cluster, key=lambda entity: (entity.length, entity.score))
    if (
        wide.length > best.length
        and wide.start <= best.start
        and wide.end >= best.end
        and wide.score >= best.score - _INSIDE_MARGIN
        # a special category keeps its label: it decides how a row is routed ("my son is [nine]")
        and not _special(best, special)
    ):
        best = wide
    start = min(entity.start for entity in cluster)
    end = max(entity.end for entity in cluster)
    others = sorted({entity.label for entity in cluster if entity is not best and entity.label != best.label})
    note = f"merged with {len(cluster) - 1} overlapping detection(s)"
    if others:
        note += f" labelled {', '.join(others)}"
    explanation = f"{best.explanation}; {note}" if best.explanation else note
    # fail closed: a value any member protects as a second label (a child's age) stays protected so
    policy_label = best.policy_label or next((e.policy_label for e in cluster if e.policy_label), "")
    if not is_child_age(best) and any(is_child_age(e) for e in cluster):
        # an age detector said a child's age and another detection named the value ("[twelve] years
        # old" inside "[twelve years old]"): an age is a child's age, anything else is protected as one
        if best.label == "AGE":
            explanation = f"{explanation}; {CHILD_AGE_NOTE}"
        policy_label = "MINOR" if best.label != "MINOR" else best.policy_label
    return Entity(start, end, best.label, best.score, best.detector, explanation, policy_label=policy_label)


def is_child_age(entity: Entity) -> bool:
    """A child's age as an age detector marks it (:func:`child_age`), before :func:`child_ages_as_age`."""
    return entity.label == "MINOR" and entity.policy_label == "AGE"


def _special(entity: Entity, special: frozenset[str]) -> bool:
    """The entity's label or the label it is protected as is a special category."""
    return entity.label in special or entity.policy_label in special


def child_age(start: int, end: int, score: float, detector: str, explanation: str) -> Entity:
    """A child's age as an age detector reports it: a ``MINOR`` (its threshold, its place among
    overlapping detections) marked as an age (``policy_label`` ``AGE``: the value is an age too, and
    ``AGE``'s operator protects it as well). :func:`child_ages_as_age` turns the mark around once
    overlaps are resolved. Only the age paths set the mark: a ``MINOR`` a user's deny list, regex or
    model reports stays a ``MINOR``."""
    return Entity(start, end, "MINOR", score, detector, explanation, policy_label="AGE")


def child_ages_as_age(entities: Sequence[Entity]) -> list[Entity]:
    """``entities`` with each child's age an age detector found (:func:`child_age`: a ``MINOR``
    marked ``policy_label`` ``AGE``) as an ``AGE`` protected as a ``MINOR``: what the value is (an
    age, as type-aware scorers and reports count it), with ``MINOR``'s protection (``policy_label``:
    its operator, unless that keeps the value, and its sensitivity level;
    :class:`~redactkit.anonymize.policy.PolicyAnonymizer`, :mod:`redactkit.sensitivity`). Runs after
    overlaps are resolved and thresholds applied, so spans, merges and ``MINOR``'s threshold are what
    they were when it was reported as a ``MINOR``. Any other ``MINOR`` (a school grade, a user's deny
    list term) is left as it is."""
    return [
        replace(
            entity,
            label="AGE",
            policy_label="MINOR",
            explanation=f"{entity.explanation}; {CHILD_AGE_NOTE}" if entity.explanation else CHILD_AGE_NOTE,
        )
        if is_child_age(entity)
        else entity
        for entity in entities
    ]


def _merge_adjacent(
    entities: list[Entity],
    text: str,
    aside: Callable[[str, int, int], bool] | None,
    inserted: Callable[[str, Entity, Entity], bool] | None = None,
) -> list[Entity]:
    result: list[Entity] = []
    for entity in entities:
        if result:
            previous = result[-1]
            gap = text[previous.end : entity.start]
            if previous.label == entity.label and (
                not gap.strip()
                or (aside is not None and aside(text, previous.end, entity.start))
                or (inserted is not None and len(gap.split()) == 1 and inserted(text, previous, entity))
            ):
                result[-1] = Entity(
                    previous.start,
                    entity.end,
                    previous.label,
                    max(previous.score, entity.score),
                    previous.detector,
                    previous.explanation
                    if "joined with adjacent" in previous.explanation
                    else f"{previous.explanation}; joined with adjacent {entity.label} detection(s)",
                    policy_label=previous.policy_label or entity.policy_label,
                )
                continue
        result.append(entity)
    return result
