"""What a word that refers back stands for: the event a trigger without an event object refers to
(one named before it, or the document's, by a word that refers back to an event: `出席大会`,
`参加会见`, or by the kind of meeting it is: `召开1998年度工作会议`), and the person a pronoun
refers to (`他被评为…`)."""
from __future__ import annotations

import re

from pipeline.analysis.matching import ASPECT_MARKS, HAN_CLASS
from pipeline.relation_rules import RelationRules
from pipeline.relations.mentions import CLAUSE_END, Anchored, clause_at, coordinated_before

# a relative clause's 的 and a determiner that points back (`…举办的|这台|晚会`, `召开的|本次|会议`)
POINTING_BACK = re.compile(r"的(?:这|本|此|该)[次台场届]?")


def anaphor_at(text: str, pos: int, words: tuple[str, ...]) -> bool:
    pos += text.startswith(ASPECT_MARKS, pos)
    pos = deixis.end() if (deixis := POINTING_BACK.match(text, pos)) else pos
    return any(text.startswith(w, pos) for w in words)


# a year or term before a meeting's kind (`召开|1998年度|工作会议`)
DATED = re.compile(r"(?:[0-9]{4}|[〇零一二三四五六七八九]{4})年度?|本年度|今年|新一届|本届")


def kind_of(text: str, pos: int, main_event: str, anaphora: tuple[str, ...]) -> bool:
    """Whether the object at `pos` is the main event by its kind, dated or not (`国家教委…召开|1998年度
    工作会议` for 国家教委工作会议): the end of its name, ending in a word that refers back to an event."""
    pos += text.startswith(ASPECT_MARKS, pos)
    dated = DATED.match(text, pos)
    pos = dated.end() if dated else pos
    name = main_event.partition(":")[2]
    return any(name.endswith(text[pos:end]) and text[pos:end].endswith(anaphora)
               for end in range(pos + 2, min(len(text), pos + len(name)) + 1))


SEMICOLONS = ("；", ";")


def event_reference(text: str, clause: tuple[int, int], t_start: int, t_end: int, mentions: list[Anchored],
                     main_event: str | None, rules: RelationRules) -> list[Anchored]:
    """The event a trigger without an event object refers to: an event named earlier in the clause (`在论坛上致辞`) is
    taken as is, with those listed right before it (`在A、B、C上的讲话`); a trigger that ends its clause
    (`…开幕式举行，尹力出席。`, `…发言说，`) refers to the last event named before it in the sentence, since the last
    semicolon (`听取了…的汇报；听取了…的汇报`), and those listed with it, else, like `出席大会` and `在大会上讲话`, to the
    document's main event; one whose object is a side event (`参加会见`) to none, nor one its speaker possesses with no
    event word before it (`习近平的重要讲话，…`). An event a topic preposition governs is spoken of, no reference
    (`就|常委会第三次会议议程…作了汇报`), nor are those after it in the topic (`就…议程草案、日程安排和|十四届全国人大二次会议议程
    草案…作了汇报`), nor one named for its guidance (`学习贯彻…全会精神`, `guidance_heads`); where the event it would refer to
    marks a time (`time_anchors`), it refers to none (`党的十九大以来，…发表…讲话`)."""
    topics, anchors = rules.clause_words["topic_prepositions"], rules.clause_words["time_anchors"]
    guidance = rules.holding_words["guidance_heads"]
    topic = min((m.start for m in mentions if m.type == "EVENT" and clause[0] <= m.start and m.end <= t_start
                 and text.endswith(topics, 0, m.start)), default=t_start)  # `就|A议程草案、…和B议程草案…作了汇报`
    parted = max(text.rfind(p, 0, t_start) for p in SEMICOLONS)
    earlier = [m for m in mentions if m.type == "EVENT" and parted < m.start and m.end <= t_start and not m.nested
               and m.start < topic and not _for_guidance(text, m.end, t_start, guidance)]
    rest = text[t_end:clause[1]].strip(CLAUSE_END)  # `王红委员代表民革中央发言|说，…`: a verb of saying ends it too
    ends_clause = not rest or rest in rules.clause_words["reporting_verbs"] \
        or text.startswith(tuple(rules.clause_words["time_clause_ends"]), t_end)  # `杨健…发言时说`: when he spoke
    if earlier and (earlier[-1].start >= clause[0] or ends_clause):
        # `党的十九大以来，…发表一系列重要讲话`: a time, no occasion
        return [] if text.startswith(anchors, earlier[-1].end) else coordinated_before(text, earlier)
    if earlier and _by_its_kind(text, t_end, earlier[-1]):
        return [earlier[-1]]  # `…举行会员元旦团拜酒会，…出席了|酒会。`
    if main_event is None:
        return []
    side = next((w for w in rules.side_events if anaphor_at(text, t_end, (w,))), None)
    if side:  # `参加会见`: a meeting within the event, not the event, unless the event is that meeting
        return [Anchored(t_end, t_end, "EVENT", main_event)] if main_event.endswith(side) else []
    words = rules.event_anaphora
    if any(anaphor_at(text, p, words) and not _inside_kind(text, p, rules.meeting_kinds, main_event)
           for p in range(clause[0], t_start)):
        return [Anchored(t_end, t_end, "EVENT", main_event)]
    if text.endswith(rules.nominal["possessed"], clause[0], t_start):
        return []  # `习近平总书记的重要讲话，…`: a speech, not said to be at this event
    if anaphor_at(text, t_end, words) or ends_clause or kind_of(text, t_end, main_event, words):
        return [Anchored(t_end, t_end, "EVENT", main_event)]
    return []


KIND_CHARS = (2, 3)  # the characters of the kind of event that ends an event's name (`酒会`, `招待会`)
OBJECT_ENDS = CLAUSE_END + "，,；;"  # what follows an object that ends its clause


def _by_its_kind(text: str, pos: int, event: Anchored) -> bool:
    """Whether the trigger's whole object at `pos`, after an aspect mark, is `event` by its kind: the last characters of
    its name (`出席了|酒会|。` for 会员元旦团拜酒会)."""
    pos += text.startswith(ASPECT_MARKS, pos)
    name = text[event.start:event.end]
    return any(len(name) > n and name.endswith(text[pos:pos + n]) and text[pos + n:pos + n + 1] in OBJECT_ENDS
               for n in KIND_CHARS)


# what picks out the event a subject names by its kind (`此次|书画展由…主办`, `本届|大会由…`)
SUBJECT_DETERMINER = re.compile(r"^(?:此次|本次|这次|本届|该|这一?)")
HAN_WORD = re.compile(f"[{HAN_CLASS}]{{2,}}")


def kind_subject(text: str, clause_start: int, pos: int, named_before: list[Anchored], main_event: str | None,
                 anaphora: tuple[str, ...] = ()) -> list[Anchored]:
    """The event that the subject of a passive host names by its kind alone (`书画展|由…主办`, `此次书画展由…`): the last
    one the sentence before names whose name ends with it, else the document's main event if its name does; not a word
    that refers back to any meeting (`anaphora`: `会议由…主持`, which names whom it presides, not its organiser)."""
    kind = SUBJECT_DETERMINER.sub("", text[clause_start:pos].strip())
    if not HAN_WORD.fullmatch(kind) or kind in anaphora:
        return []
    named = [m for m in named_before if m.end - m.start > len(kind) and text.endswith(kind, m.start, m.end)]
    name = main_event.partition(":")[2] if main_event else ""
    return named[-1:] or ([Anchored(pos, pos, "EVENT", main_event)] if len(name) > len(kind) and name.endswith(kind) else [])


def _for_guidance(text: str, end: int, t_start: int, heads: tuple[str, ...]) -> bool:
    """Whether an event ending at `end` is named for its guidance before the trigger at `t_start`, which is not that
    speech's (`学习贯彻…在中央纪委四次全会上的重要讲话和全会精神 汪洋主持并讲话`; not `在…大会上的重要|讲话`)."""
    return any(text.startswith(head, end) and end + len(head) <= t_start for head in heads)


def _inside_kind(text: str, pos: int, kinds: tuple[str, ...], main_event: str) -> bool:
    """Whether `pos` is inside a kind of meeting (`全|会上`) that the main event is not of."""
    name = main_event.partition(":")[2]
    return any(text.startswith(kind, pos - k) and kind not in name for kind in kinds for k in range(1, len(kind)))


PERSONAL_PRONOUNS = ("他", "她")  # third person singular; 他们, 其他, 他人 are words of their own
PRONOUN_TAG = "r"
PRONOUN_REACH = 3  # sentences back, the pronoun's own included, where its antecedent is looked for
GOVERNING_VERB_CHARS = 2  # the verb right before a pronoun its object (`授予|他`)


def antecedent(text: str, sentences: list[tuple[int, int]], pos: int, people: list[Anchored]) -> str | None:
    """The person a pronoun or an unsaid subject at `pos` stands for: the one person of `people`
    named last before it, in its sentence before its clause (a pronoun is not bound in its own
    clause: `周恩来授予他…`), else in the nearest earlier sentence that names a person, at most
    `PRONOUN_REACH` sentences back, else in its paragraph before it (a biography's paragraph of
    dates and posts: `牟爱牧是四川人。１９２７年…。…先后任…`). Where that stretch names two people or
    more, it is left open (`习近平会见普京。他说`). In its sentence, who does to another what is done to the
    pronoun is no antecedent (`周总理授予他“感谢状”；…政府授予他…`: parallel clauses, each with its agent)."""
    index = next((k for k, (s, e) in enumerate(sentences) if s <= pos < e), None)
    if index is None:
        return None
    verb = text[max(0, pos - GOVERNING_VERB_CHARS):pos]
    stretches = [(sentences[index][0], clause_at(text, sentences[index], pos)[0])]
    stretches += [sentences[k] for k in range(index - 1, max(-1, index - PRONOUN_REACH), -1)]
    stretches.append((text.rfind("\n", 0, pos) + 1, pos))
    for at, (low, high) in enumerate(stretches):
        before = {m.entity for m in people if low <= m.start and m.end <= high
                  and not (at == 0 and len(verb) == GOVERNING_VERB_CHARS and text.startswith(verb, m.end))}
        if before:
            return before.pop() if len(before) == 1 else None
    return None


def pronoun_mentions(text: str, sentences: list[tuple[int, int]], mentions: list[Anchored],
                     words: list[tuple[int, int, str]]) -> list[Anchored]:
    """A third-person pronoun (`他`, `她`, a word of its own that `words`, the word analysis, tags as
    a pronoun) is a mention of its `antecedent`, a pronoun before it counted as a person named
    (`她与女儿王洁萍合写…。大会授予她…`: two people, left open)."""
    people = [m for m in mentions if m.type == "PERSON" and not m.nested]
    named = [(m.start, m.end) for m in mentions]
    found: list[Anchored] = []
    for start, end, tag in words:
        if tag != PRONOUN_TAG or text[start:end] not in PERSONAL_PRONOUNS or any(s <= start < e for s, e in named):
            continue
        if person := antecedent(text, sentences, start, people + found):
            found.append(Anchored(start, end, "PERSON", person))
    return found
