"""Relations signalled by a trigger word in one sentence (`出席`, `主办`, `荣获`, `授予`): its
heads before it, its tails after it (or the reverse), the event a bare trigger refers to, and
the recipients between a granting verb and its award."""
from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

from pipeline.records import Relation
from pipeline.relation_rules import RelationRules, TriggerRule
from pipeline.relations.clause_roles import (
    briefed_subjects,
    copula_between,
    dates_a_clause,
    in_meeting_object,
    oblique,
    relative_after,
    relative_marker_at,
    relative_with_place,
)
from pipeline.relations.mentions import (
    AGENT,
    LIST_END,
    LISTED_AFTER,
    NO_TITLES,
    SOURCE_CREDIT,
    Anchored,
    clause_at,
    coordinated,
    coordinated_before,
    evidence_of,
    in_aside,
    kin_described,
    listed_clauses_before,
    listed_from,
    listed_up_to,
    split_clauses,
    within,
)
from pipeline.relations.references import anaphor_at, event_reference, kind_of, kind_subject
from pipeline.relations.represented import represented, spoken_for

WordCheck = Callable[[str, int, int], bool]

EVENT_FRAME_OPENER, EVENT_FRAME_END = "在", ("上的", "上的重要")  # `在…大会上的|讲话`: where a speech was given
OCCASION_FRAME_END = ("时的", "时的重要")  # `在…座谈会和听取…汇报时的重要|讲话`: when it was
JOINTLY = "共同"  # `会见…王瑞杰，并共同主持…`: whom the earlier clause's verb takes does it too
COMPANIONS = ("同", "跟")  # `彭丽媛同…巴胡斯共同出席`: who is with the subject, done jointly, does it too


def sentence_triggers(text: str, sentence: tuple[int, int], rules: RelationRules, spans: list[tuple[int, int]],
                      is_word: WordCheck | None = None) -> list[tuple[int, int, TriggerRule]]:
    """Trigger words of every rule in one sentence; overlapping triggers compete and the longest wins (`主持召开` is convene,
    not attend). Triggers inside a mention, and with `is_word` (a word segmenter) triggers inside a longer word (`获` in
    `获取`), are ignored; a trigger right after a mention is checked together with it too, since the segmenter may glue a name
    to the verb after it (`刘|昆作|了`); either check lets it stand (`来京|出席`: 京 is in 来京)."""
    mention_at = {e: s for s, e in spans}
    found = [(m.start(), m.end(), rule) for rule in rules.triggers for m in rule.regex.finditer(text, *sentence)]
    found.sort(key=lambda t: (t[0], -(t[1] - t[0])))
    chosen: list[tuple[int, int, TriggerRule]] = []
    for start, end, rule in found:
        if chosen and start < chosen[-1][1]:
            continue
        if _in_mention(start, end, spans) or _nominal(text, start, end, rule, rules):
            continue
        if is_word is not None and not is_word(text, start, end) and not is_word(text, mention_at.get(start, start), end):
            continue
        chosen.append((start, end, rule))
    return chosen


def _nominal(text: str, start: int, end: int, rule: TriggerRule, rules: RelationRules) -> bool:
    """A trigger used as a noun (`书面发言`, `讲话全文`, `讲话精神`, `论坛的召开`) states no relation, unless the event
    or occasion it was given at frames it (`在全会上的重要讲话和全会精神`: a speech given there)."""
    return (any(text.startswith(w, start - len(w)) for w in rules.nominal["before"] + rule.nominal_before)
            or any(text.startswith(w, end) for w in rules.nominal["after"])
            and not text.endswith(EVENT_FRAME_END + OCCASION_FRAME_END, 0, start))


def _oblique(text: str, m: Anchored, mentions: list[Anchored], titled: Mapping[int, int], rules: RelationRules,
             accompanied: bool) -> bool:
    """Whether `m`, with the title chain before it, is no subject (`oblique`), unless a companion of a joint or attending
    act (`彭丽媛同…巴胡斯共同出席`, `同…朔尔茨出席`)."""
    begin = titled.get(m.end, m.start)
    return oblique(text, begin, rules, mentions) and not (accompanied and text.endswith(COMPANIONS, 0, begin))


def _heads_before(text: str, sentence: tuple[int, int], pos: int, mentions: list[Anchored],
                  types: frozenset[str], trigger_starts: list[int], rules: RelationRules,
                  verb_ends: frozenset[int] = frozenset(), titled: Mapping[int, int] = NO_TITLES
                  ) -> list[Anchored]:
    """Heads of a trigger: the head mentions of its clause before it (after any earlier trigger), with the names listed in
    whole clauses before it (`A，B，C分别发言`) or in a list that ends in its clause
    (`院士A，院长、院士B，…研究员C等7位科学家代表先后发言`); a predicate joined to an earlier one (`参加会见并出席`,
    `出席论坛并致辞`) shares its subject; without heads in its clause, those of the earlier clauses back to one with a trigger
    of its own, whose subject (the heads before that trigger) ends the search, or to a reporting verb (`习近平指出，开展…`):
    who reports is no subject of what is reported, unless it opens with the speaker's gladness (`X表示，很高兴|出席…`). In
    those earlier clauses a name after a verb of its clause (`verb_ends`: where the word analysis's verbs end) is an object,
    no subject (`隆重庆祝|中国人民 政治协商会议成立75周年，扎实开展…`), unless the trigger is done jointly
    (`会见…王瑞杰，并共同主持`); so is a companion after 同 (`彭丽媛同…巴胡斯共同出席`), and one who attends with the
    subject in its clause (`同…朔尔茨|出席`: `companion_acts`). A person a kinship noun follows
    describes the relative after it (`习近平夫人|彭丽媛出席`: she came), and is none."""
    clauses = [c for c in split_clauses(text, *sentence) if c[0] <= pos]
    heads: list[Anchored] = []
    jointly = text.endswith(JOINTLY, 0, pos) or text.startswith(JOINTLY, pos)
    attending = text.startswith(rules.clause_words["companion_acts"], pos)
    for index, (start, end) in enumerate(reversed(clauses)):
        if index > 0 and text[start:end].rstrip().endswith(rules.clause_words["reporting_verbs"]) \
                and not text.startswith(rules.clause_words["self_reports"], clauses[-index][0]):
            break
        limit = pos if index == 0 else end
        earlier = [t for t in trigger_starts if start <= t < limit]
        if index == 0 and earlier:
            start = max(earlier)
        elif earlier:
            limit = min(earlier)
        found = _before_topic(text, [m for m in mentions if m.type in types and start <= m.start and m.end <= limit
                                     and not m.nested
                                     and not _oblique(text, m, mentions, titled, rules, jointly or attending and index == 0)
                                     and not in_aside(text, m, pos) and not kin_described(text, m, rules.kin_nouns)],
                              limit, rules)
        joined = any(text.startswith(j, pos - len(j)) for j in rules.clause_words["predicate_joiners"])
        if index == 0 and earlier and joined:  # `宣读习近平贺信并致辞`: who is between is the first's object
            return _heads_before(text, sentence, start, mentions, types, [t for t in trigger_starts if t < start], rules,
                                 verb_ends, titled)
        if index == 0 and found and text.startswith(LIST_END, found[-1].end):
            listed = listed_up_to(text, found[-1].end, [m for m in mentions if m.type in types and not m.nested],
                                  rules.list_item_gap)
            return [m for m in listed if m not in found] + found
        if index == 0 and (found or any(start <= m.start and m.end <= limit and m.type != "LOCATION"
                                        and not kin_described(text, m, rules.kin_nouns) for m in mentions)):
            return listed_clauses_before(text, clauses[:-1], mentions, types, titled, rules.list_item_gap,
                                         rules.clause_words["officials"]) + found \
                if found and not earlier else found
        heads = [m for m in found if jointly or not any(start < e <= m.start for e in verb_ends)] + heads
        if earlier and index > 0:
            break
    return heads


def _before_topic(text: str, found: list[Anchored], limit: int, rules: RelationRules) -> list[Anchored]:
    """The heads `found` before the topic a preposition after the first opens up to the trigger at `limit`
    (`刘奇|就|…议程草案、…、主席团和秘书长名单草案…作了汇报`): the names in the topic are spoken of, not the subject; but
    a possessed trigger's possessor may stand in it (`围绕学习贯彻|习近平|…的重要讲话`: `_possessors`)."""
    if not found or text.endswith(tuple(rules.nominal["possessed"]), 0, limit):
        return found
    topic = next((at for at in range(found[0].end, found[-1].start)
                  if text.startswith(tuple(rules.clause_words["topic_prepositions"]), at)), limit)
    return [m for m in found if m.end <= topic]


def trigger_relations(text: str, sentences: list[tuple[int, int]], mentions: list[Anchored],
                      main_event: str | None, rules: RelationRules,
                      is_word: WordCheck | None = None, verb_ends: frozenset[int] = frozenset(),
                      titled: Mapping[int, int] = NO_TITLES) -> Iterator[Relation]:
    spans, possessed = [(m.start, m.end) for m in mentions], tuple(rules.nominal["possessed"])
    mentions = [m for m in mentions if not SOURCE_CREDIT.match(text, m.end)]
    in_sentence: list[Anchored] = []
    activities: list[Anchored] = []  # the events the rules have found attended or held so far
    for last_sentence, sentence in zip([(0, 0), *sentences], sentences):
        named_before = [m for m in in_sentence if m.type == "EVENT" and not m.nested]  # the last sentence's
        in_sentence = within(mentions, sentence)
        triggers = sentence_triggers(text, sentence, rules, spans, is_word)
        starts = [t[0] for t in triggers]
        evidence = evidence_of(text, *sentence)
        for t_start, t_end, rule in triggers:
            if rule.main_kinds and not (main_event and main_event.endswith(rule.main_kinds)):
                continue  # `夺冠` in a document about no competition
            if rule.irrealis_before and _said_before(text, sentence[0], t_start, rule.irrealis_before, spans):
                continue  # `决定…召开…会议`: a meeting decided on is not yet held (not `希望中文学校|举办的…`: a name's)
            if any(text.startswith(w, t_start - len(w)) for w in rule.purpose_before):
                continue  # `为召开…作准备`: a meeting prepared for is not yet held
            unheld = any(w in text[sentence[0]:t_start] for w in rule.unheld_before)  # `将于…举办`: no host at it yet
            if rule.order == "head_trigger_tail":
                heads, tails = _forward_ends(text, sentence, (t_start, t_end), rule, in_sentence, main_event, rules,
                                             [s for s in starts if s < t_start], verb_ends, titled)
            else:
                heads, tails = _backward_ends(text, clause_at(text, sentence, t_start), (t_start, t_end), rule,
                                              in_sentence, rules)
                if heads and not tails:  # `书画展|由…主办`: the event named before, by its kind
                    tails = kind_subject(text, clause_at(text, sentence, t_start)[0], t_start, named_before, main_event,
                                         rules.event_anaphora)
            if rule.subject_first:
                heads = _subject(text, sentence, heads, rules)
            elif heads and text.endswith(possessed, 0, t_start):
                heads = _possessors(text, heads, t_start, rules)
            if rule.order == "head_trigger_tail" and named_before and text.startswith(
                    rules.clause_words["recapitulating"], t_end):
                tails = _recapitulated(text, t_end, named_before, last_sentence, activities, rules)
            elif tails and all(t.start == t.end for t in tails):  # the main event, referred to (a zero-width anchor)
                tails = _named_kind(text, t_end, named_before) or tails
            # the bodies a speaker stands for take part, also where a pronoun is the speaker (`他代表…`)
            if rule.relation == "participated_in" and (heads or rule.document_event):
                heads = heads + represented(text, clause_at(text, sentence, t_start), t_end, in_sentence) \
                    + spoken_for(text, heads, in_sentence)
            for head in heads:
                for tail in tails:
                    relation = _relation_of(text, rule, tail)
                    if head.entity != tail.entity and rules.allows(relation, head.type, tail.type):
                        if relation in ACTIVITY_RELATIONS and tail.start < tail.end and not relative_after(text, tail.end):
                            activities.append(tail)
                        yield Relation(relation, head.entity, tail.entity, evidence, rule.confidence, f"trigger:{rule.name}")
                        if head.type == "PERSON" and text[t_start:t_end] in rule.hosts_attend and not unheld:
                            yield Relation("participated_in", head.entity, tail.entity, evidence, rule.confidence,
                                           f"trigger:{rule.name}:host")
            if rule.relation == "awarded_by":
                yield from _recipients(text, sentence, (t_start, t_end), in_sentence, rules, rule, titled)


def _in_mention(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """Whether text[start:end] lies inside one of the mentions' `spans`."""
    return any(s <= start and end <= e for s, e in spans)


def _said_before(text: str, start: int, end: int, words: tuple[str, ...], spans: list[tuple[int, int]]) -> bool:
    """Whether one of `words` stands in text[start:end] outside every mention's span."""
    for word in words:
        at = text.find(word, start, end)
        while at != -1:
            if not _in_mention(at, at + len(word), spans):
                return True
            at = text.find(word, at + 1, end)
    return False


ACTIVITY_RELATIONS = ("participated_in", "organized")  # what makes an event one of the item's activities


def _recapitulated(text: str, t_end: int, named_before: list[Anchored], last_sentence: tuple[int, int],
                   activities: list[Anchored], rules: RelationRules) -> list[Anchored]:
    """The events `上述` after a trigger refers to: where it says activities (`参加上述活动`), those of the sentence before
    and every one the item says before that someone attended or held (`activities`:
    `…共同主持A、B和C会议。…出席了签字仪式。陈敏尔参加上述活动。`), one each; not one only spoken of (`…中共十九届四中全会…`)
    nor a visitor's, in a relative clause (`同来华出席…论坛的…总统…会谈`); else those of the sentence before (`参加上述会见`);
    never one yet to be held (`我期待着即将举行的|欧中领导人会晤`)."""
    words = rules.clause_words
    named_before = [m for m in named_before
                    if not any(w in text[clause_at(text, last_sentence, m.start)[0]:m.start] for w in words["unheld"])]
    if not any(text.startswith(w, t_end + len(r)) for r in words["recapitulating"] if text.startswith(r, t_end)
               for w in words["recapitulated_all"]):
        return named_before
    unique = {m.entity: m for m in reversed(activities + named_before)}
    return sorted(unique.values(), key=lambda m: m.start)


KIND_CHARS = 2  # the characters of a kind of event (`讲座`) a trigger ends with


def _named_kind(text: str, t_end: int, named_before: list[Anchored]) -> list[Anchored]:
    """The event the sentence before names that a trigger naming its kind refers to, rather than
    the document's main event (`…常委会举行第六讲专题讲座，…主持。|王巍作了题为《…》的讲座。`)."""
    kind = text[t_end - KIND_CHARS:t_end]
    return [m for m in named_before if text.endswith(kind, 0, m.end)][-1:]


def _possessors(text: str, heads: list[Anchored], t_start: int, rules: RelationRules) -> list[Anchored]:
    """Who possesses a trigger used as a noun (`习近平总书记在全会上的|讲话`): the last of its heads and
    those joined to it, not its clause's subject (`倪虹…学习贯彻|习近平总书记在…上的重要讲话精神`), nor
    a name in the topic a preposition gives the noun (`习近平总书记关于…|人民政协|工作的重要讲话`) or in
    the event where it was given (`在…|澳门特别行政区第五届政府|就职典礼上的讲话`)."""
    topic = max((text.rfind(w, heads[0].start, t_start) for w in rules.clause_words["noun_topic_prepositions"]),
                default=-1)
    if text.endswith(EVENT_FRAME_END, 0, t_start):  # `习近平主席|在|…大会暨|澳门特别行政区第五届政府|就职典礼上的讲话`
        topic = max(topic, text.rfind(EVENT_FRAME_OPENER, heads[0].start, t_start))
    owners = [h for h in heads if topic < 0 or h.end <= topic]
    return coordinated_before(text, owners) if owners else []


def _subject(text: str, sentence: tuple[int, int], heads: list[Anchored], rules: RelationRules) -> list[Anchored]:
    """The subject among a trigger's heads: the first, with the names juxtaposed to it, of which the last is the head noun
    (`该院化学系`), and those coordinated with it; a name after a copula in its clause (`队伍是张明创建的`) is a predicate, no
    subject."""
    copulas = rules.clause_words["copulas"]
    heads = [m for m in heads if not any(w in text[clause_at(text, sentence, m.start)[0]:m.start] for w in copulas)]
    if not heads:
        return []
    index = 0
    while index + 1 < len(heads) and heads[index + 1].start == heads[index].end:
        index += 1
    return coordinated(text, heads[index], heads[index + 1:])


def _relation_of(text: str, rule: TriggerRule, tail: Anchored) -> str:
    """The relation a trigger states with `tail`: its parties take part in an event they hold
    together (`两国元首举行会谈`), whoever names it; else the rule's."""
    if rule.reciprocal and text[tail.start:tail.end].endswith(rule.reciprocal[1:]):
        return rule.reciprocal[0]
    return rule.relation


def _forward_ends(text: str, sentence: tuple[int, int], trigger: tuple[int, int], rule: TriggerRule,
                  in_sentence: list[Anchored], main_event: str | None, rules: RelationRules,
                  earlier_starts: list[int], verb_ends: frozenset[int] = frozenset(),
                  titled: Mapping[int, int] = NO_TITLES) -> tuple[list[Anchored], list[Anchored]]:
    """Heads and tails of a head-trigger-tail rule (`韩正出席论坛`)."""
    t_start, t_end = trigger
    head_types, tail_types = rules.types[rule.relation]
    head_types = rule.heads or head_types
    clause = clause_at(text, sentence, t_start)
    heads = _heads_before(text, sentence, t_start, in_sentence, head_types, earlier_starts, rules, verb_ends, titled)
    if heads and relative_with_place(text, heads[-1].end, t_start, t_end, rules) \
            and not text.endswith(AGENT, 0, heads[-1].start):  # but its agent's (`由国务院办公厅于南京召开的|…会议`)
        heads = []
    if not heads:
        heads = _subject_after_time_clause(text, sentence, clause, t_start, in_sentence, head_types, rules)
    heads = briefed_subjects(text, heads, clause[0], t_start, rules)
    after = [m for m in in_sentence if m.start >= t_end and m.type in tail_types and not m.nested and not rule.document_event]
    tails = coordinated(text, after[0], after[1:]) if after and after[0].start < clause[1] else []
    own = text.startswith(rules.relative_markers, t_end)  # its object's relative clause: `中宣部召开的|…座谈会的代表`
    relative = relative_marker_at(text, tails[-1].end, rules) if tails and not own else None
    if relative is None and tails and heads and in_meeting_object(text, heads[-1].end, t_start, rules):
        relative = next((at for w in rules.relative_markers if (at := text.find(w, tails[-1].end, clause[1])) != -1), None)
        if relative is None:
            heads = []  # `会见出席…会议双方代表`: the trigger's subject is no one named
    if relative is not None:
        described = _relative_clause_heads(text, relative, clause, in_sentence, head_types)
        heads = described or [h for h in heads if copula_between(text, h.end, t_start, rules)]
    if listed := _attendees_after(text, t_end, in_sentence, rules):
        heads = listed  # `出席会议的还有A、B`
    if not tails and "EVENT" in tail_types and not rule.needs_object:
        tails = event_reference(text, clause, t_start, t_end, in_sentence, main_event, rules)
        if not tails and rule.document_event and main_event:
            tails = [Anchored(t_end, t_end, "EVENT", main_event)]
    elif not tails and "EVENT" in tail_types and main_event and (anaphor_at(text, t_end, rules.event_anaphora)
                                                                  or kind_of(text, t_end, main_event, rules.event_anaphora)):
        tails = [Anchored(t_end, t_end, "EVENT", main_event)]
    return heads, tails


def _attendees_after(text: str, t_end: int, mentions: list[Anchored], rules: RelationRules) -> list[Anchored]:
    """Who a trigger's relative clause lists after 有 (`出席会议的党外人士还有A、B和C`): the people of that list."""
    match = LISTED_AFTER.match(text, t_end)
    if match is None:
        return []
    return listed_from(text, match.end(), [m for m in mentions if m.type == "PERSON" and not m.nested], rules.list_item_gap)


def _subject_after_time_clause(text: str, sentence: tuple[int, int], clause: tuple[int, int], t_start: int,
                               mentions: list[Anchored], types: frozenset[str], rules: RelationRules) -> list[Anchored]:
    """`在主持…集体学习时，习近平总书记…`: a trigger opening a time clause (`在…时`) has the
    subject of the clause after it where a name begins that clause."""
    words = rules.clause_words
    if text[clause[0]:t_start].strip() not in words["time_clause_openers"] or \
            not text[clause[0]:clause[1]].rstrip().endswith(words["time_clause_ends"]):
        return []
    after = [m for m in mentions if m.type in types and not m.nested and clause[1] <= m.start < sentence[1]]
    if not after or text[clause[1]:after[0].start].strip("，,、 "):
        return []
    return coordinated(text, after[0], after[1:])


def _backward_ends(text: str, clause: tuple[int, int], trigger: tuple[int, int], rule: TriggerRule,
                   in_sentence: list[Anchored], rules: RelationRules) -> tuple[list[Anchored], list[Anchored]]:
    """Heads and tails of a tail-trigger-head rule (`论坛由中国科协主办`): the head is the trigger's
    object, in its clause, with the names listed with it (`表彰奖励获得者代表，优秀教师代表…`: 表彰 has no object there).
    A name that dates the clause is no tail (`欢迎仪式前，…授予…勋章`: before the event, not at it)."""
    t_start, t_end = trigger
    head_types, tail_types = rules.types[rule.relation]
    before = [m for m in in_sentence if m.end <= t_start and m.type in tail_types and not m.nested
              and not dates_a_clause(text, m.end, rules)]
    after = [m for m in in_sentence if m.start >= t_end and m.end <= clause[1] and m.type in head_types]
    heads = coordinated(text, after[0], after[1:], across=True) if after else []
    if heads and (undertaking := rules.co_hosts.match(text, clause[1])):  # `…主办，福建省人民政府承办`
        heads += [m for m in in_sentence if m.type in head_types and undertaking.start("hosts") <= m.start
                  and m.end <= undertaking.end("hosts") and not m.nested]
    return heads, coordinated_before(text, before)


MEMBER_NOUNS = ("代表", "委员")  # `参加…会议的全国人大|代表`: the body's members, whom it does not name


def _relative_clause_heads(text: str, pos: int, clause: tuple[int, int], mentions: list[Anchored],
                           types: frozenset[str]) -> list[Anchored]:
    """`获得2019年度国家最高科学技术奖的…黄旭华院士和…曾庆存院士`: the winners follow `的`;
    people are preferred to the bodies they belong to, and a body is none where its members follow it unnamed
    (`参加十三届全国人大四次会议的全国人大代表`)."""
    after = [m for m in mentions if m.type in types and pos <= m.start and m.end <= clause[1] and not m.nested]
    people = [m for m in after if m.type == "PERSON"]
    return people or [m for m in after[:1] if not text.startswith(MEMBER_NOUNS, m.end)]


def _recipients(text: str, sentence: tuple[int, int], trigger: tuple[int, int], mentions: list[Anchored],
                rules: RelationRules, rule: TriggerRule, titled: Mapping[int, int]) -> Iterator[Relation]:
    """`授予X“…”称号`: who stands between the granting verb and the award, in its clause, received
    it; and who a recipient preposition marks before it in its clause (`向X颁发…奖章`), also with a title
    chain before the name (`向越共中央总书记阮富仲授予…勋章`)."""
    t_start, t_end = trigger
    clause_start, clause_end = clause_at(text, sentence, t_start)
    awards = [m for m in mentions if m.start >= t_end and m.end <= clause_end and m.type == "AWARD"]
    if not awards:
        return
    award = awards[0]
    receivers = rules.head_types("received")
    marked = rules.clause_words["recipient_prepositions"]
    for m in mentions:
        between = t_end <= m.start and m.end <= award.start
        start = titled.get(m.end, m.start)  # `向|越共中央总书记阮富仲`: marked with its titles
        oblique = clause_start <= start and m.end <= t_start and start and text.startswith(marked, start - 1)
        if (between or oblique) and m.type in receivers and not m.nested:
            yield Relation("received", m.entity, award.entity, evidence_of(text, *sentence), rule.confidence,
                           f"trigger:{rule.name}:recipient")
