"""Conversation context: what one turn reveals is redacted in every turn of the conversation.

Call-centre and assistant data arrive as turns. A caller gives a name with a cue in one turn ("my name
is ...") and the agent repeats it bare three turns later; a card number read in full is confirmed by
its last four digits. Redacting each row alone misses those repetitions. In conversation mode the
confident detections of every turn become *known values* of the conversation
(:mod:`.known`), and every turn — earlier ones too — is searched for them and their parts
(:mod:`.mentions`) before it is redacted (:mod:`.engine`).

Use it through :meth:`redactkit.Pipeline.redact_conversation` for a conversation in memory, or with a
group column (``--conversation --group-column call_id --order-column turn``) on datasets.
"""

from .engine import DETECTOR, ConversationRedactor, ConversationResult, KnownSummary, Turn
from .known import KnownValue, Pattern, collect_known
from .mentions import Mention, PatternIndex, find_mentions
from .options import DEFAULT_LABELS, ConversationOptions

__all__ = [
    "DEFAULT_LABELS",
    "DETECTOR",
    "ConversationOptions",
    "ConversationRedactor",
    "ConversationResult",
    "KnownSummary",
    "KnownValue",
    "Mention",
    "Pattern",
    "PatternIndex",
    "Turn",
    "collect_known",
    "find_mentions",
]
