"""Name boundaries and types by word class and construction: an event name does not start with the verb or
function word that governs it (`提请|十四届全国人大四次会议`, `要继续抓好|中央人大工作会议`). The word classes come from
People's Daily 1998 (schemas/lexicons/predicate_words.txt, `make lexicons`) and the word analysis."""
from __future__ import annotations

import re
from collections.abc import Iterable

from pipeline.analysis.chunk_words import MIN_WORD_CHARS, QUOTED
from pipeline.analysis.chunks import ANNIVERSARY
from pipeline.analysis.policy_names import held_subject
from pipeline.analysis.sentences import opens_sentence
from pipeline.analysis.wordindex import PREDICATE_POS, RESIDENT_POS, WordAnalysis, word_analysis
from pipeline.records import Mention
from pipeline.rules import NUMBER_DIGITS, Chunker, RecognitionRules
from pipeline.wordlists import ends_with_any, starts_with_any, word_set

LEXICON_SOURCE = "rule:lexicon"  # a mention of the lexicons of names (`entity_rules.find_lexicon_mentions`)

MAX_WORD_CHARS = 4
GIVEN_NAME_EXCLUDED = frozenset("ru")  # pronouns and particles: never part of a given name
NAMELESS_POS = frozenset("tf")  # time words and locatives of two characters or more (`如今`, `前夕`): no part of a name
PLURAL = "们"
CROSSING_POS = PREDICATE_POS | GIVEN_NAME_EXCLUDED | {"n", "i"}  # words no name ends inside (idioms: `通力合|作`)
MODIFIER_POS = PREDICATE_POS | {"a", "b"}  # and adjectives, distinguishing words (大型)
CELEBRATING = ("庆祝", "纪念")  # verbs that name a celebration with what it celebrates
LEADING_POS = frozenset("vpq")  # one-character verbs, prepositions and classifiers before a meeting's name
RESULTATIVES = frozenset("完好到透住")  # resultative complements of a verb (结果补语: 开好, 参加完)
SESSION_NUMBER = re.compile(f"[{NUMBER_DIGITS}]+次")
HOLDING_VERBS = "办开搞"  # one-character verbs of holding an event (`办音乐会`, `开大会`)
MODIFYING_NOUNS = frozenset({"vn", "n"})  # what names an event's kind before its head (`招聘|洽谈会`)


def _verb_before_head(m: Mention, starting: dict[int, tuple[int, str]], ending: dict[int, str]) -> int | None:
    """The end of a one-character verb of holding right before an event name's last word, or before a noun
    that modifies it, where the name begins before the verb (`在|京办|音乐会`: 办 holds the concert; `进厂开|招聘洽谈会`;
    not `中拉|论坛`), else None."""
    head = next((s for s in range(m.end - 2, m.start + 1, -1) if starting.get(s, (0, ""))[0] == m.end), None)
    if head is not None and ending.get(head) in MODIFYING_NOUNS:
        head = next((s for s in range(head - 2, m.start + 1, -1) if starting.get(s, (0, ""))[0] == head), head)
    if head is None or ending.get(head) != "v" or starting.get(head - 1) != (head, "v") or head - 1 <= m.start \
            or m.text[head - 1 - m.start] not in HOLDING_VERBS:
        return None
    return head


def _head_ends(name: str, end: int, heads: tuple[str, ...], rules: RecognitionRules) -> bool:
    """Whether a meeting's head ends at `end` of `name`: not one its false follower goes on
    (`政治|协商会|议`)."""
    head = ends_with_any(name, end, heads)
    return head is not None and not any(name.startswith(f, end) for f in rules.false_suffix_followers.get(head, ()))


def governed_start(name: str, rules: RecognitionRules, name_starts: Iterable[int] = (),
                   predicate_ends: Iterable[int] = ()) -> int:
    """Where an event name governed by a leading predicate really starts (0: it is not): the
    first place a meeting name may begin right after a predicate word. A meeting name may begin
    where `event_name_starts` matches or, unless an anniversary follows (`庆祝|中华人民共和国成立
    76周年招待会` keeps its verb), at `name_starts`: offsets in `name` where an organisation or
    a place begins (`预祝|北京冬奥会`). A predicate word is one of lexicon PREDICATE or, where the
    text's word analysis is given, a verb or function word of two characters or more that it
    finds ending at one of `predicate_ends` (`见证|北京冬奥会`). A meeting named right before a
    word that precedes the start is the subject of that word, no part of the name. A celebration
    is named with its verb (`庆祝|2019年教师节暨…表彰大会`), unless a body begins after it; so is a work
    named by its policy of aid (`policy_verbs`: `全国对口支援|新疆工作会议`)."""
    predicates = word_set(rules.lexicons.get("PREDICATE", ()))
    tagged = set(predicate_ends)
    starts = {m.start() for m in rules.event_name_starts.finditer(name, 1)} if rules.event_name_starts else set()
    starts = {pos for pos in starts if not name.endswith(CELEBRATING, 0, pos)}  # `庆祝|2019年教师节暨…表彰大会`
    starts |= {pos for pos in name_starts if 0 < pos < len(name) and not ANNIVERSARY.search(name, pos)}
    chunker = next((c for c in rules.chunkers if c.label == "EVENT"), None)
    heads, joiners = (chunker.suffixes, chunker.joiners) if chunker else ((), ())
    for pos in sorted(starts):
        if pos in tagged or any((word := name[max(0, pos - n):pos]) in predicates and word not in rules.policy_verbs
                                for n in range(MIN_WORD_CHARS, MAX_WORD_CHARS + 1)):
            return pos
        if any(_head_ends(name, pos - gap, heads, rules) and not any(j in name[pos - gap:pos] for j in joiners)
               for gap in (1, 2) if pos - gap > 0):
            return pos  # `委员长会议|建议|十四届全国人大四次会议`: a whole meeting before it is its subject
    return 0


def unworded_people(mentions: list[Mention], words: list[tuple[int, int, str]] | None, text: str = "") -> list[Mention]:
    """Without the people a name pattern finds where the word analysis reads no name: a verb,
    adverb, preposition or conjunction inside (`印方|愿`, `留意|到`; a surname read as one, `于英杰`,
    is no such word), or a word that runs into its first character (`感|谢总统`). Nor is any
    mention a person that begins with a one-character abbreviation before more words (`美|英`,
    `巴|以`, `美|医学`: places' short forms) or is a one-character verb or abbreviation before one
    (`陆|海`新通道, `立|德`树人: a compound of short forms), nor one the recognizer ends inside a common
    noun that its last characters begin (`胡塞武|装`, `浩瀚宇|宙`: the name is cut inside a word).
    A name the analysis reads as one word elsewhere in the document keeps its characters where it
    reads them otherwise (`特朗普|一再`, so `特朗普通过`, not `特朗|普通过`); one of two characters before a
    one-character adverb and a mark ends after the adverb (`少将金度|均|，`: an adverb never ends a clause)."""
    if not words:
        return mentions
    words = word_analysis(words)
    worded = {m.text for m in mentions if m.type == "PERSON" and words.starting.get(m.start) == (m.end, "nr")}
    mentions = [_to_name_word_end(m, words) if m.type == "PERSON" and m.source == "model" and m.text not in worded
                else _over_final_adverb(m, words, text) if m.type == "PERSON" and text else m for m in mentions]
    return [m for m in mentions if m.type != "PERSON" or not (
        (m.source == "rule:pattern" and _unworded(m, words))
        or (m.source == LEXICON_SOURCE and m.start in words.crossing
            and words.starting[words.crossing[m.start][0]][1] in PREDICATE_POS | GIVEN_NAME_EXCLUDED)
        or (words.starting.get(m.start) == (m.start + 1, "j") and m.end > m.start + 1)
        or (m.end == m.start + 2 and words.starting.get(m.start) in ((m.start + 1, "v"), (m.start + 1, "j"))
            and words.starting.get(m.start + 1) == (m.end, "j"))
        or (m.source == "model" and (_cut_inside_noun(m, words) or _across_words(m, words))))]


def _to_name_word_end(m: Mention, words: WordAnalysis) -> Mention:
    """`m` up to the end of the name word that begins it, where a predicate word or a modifier begins
    there and runs on past `m`'s end (`刘洋|成功`: the recognizer took a character of the next word)."""
    span = words.crossing.get(m.end)
    if span is None or span[0] <= m.start or words.starting.get(m.start) != (span[0], "nr") \
            or words.starting[span[0]][1] not in MODIFIER_POS:
        return m
    return Mention(m.start, span[0], m.text[:span[0] - m.start], m.type, m.source, m.score)


def _over_final_adverb(m: Mention, words: WordAnalysis, text: str) -> Mention:
    """`m` with the one-character adverb after it where a mark follows that (`金度|均|，`) and `m` has two characters."""
    if m.end - m.start != 2 or words.starting.get(m.end) != (m.end + 1, "d") \
            or words.starting.get(m.end + 1, (0, ""))[1] != "w":
        return m
    return Mention(m.start, m.end + 1, text[m.start:m.end + 1], m.type, m.source, m.score)


def _across_words(m: Mention, words: WordAnalysis) -> bool:
    """Whether `m` begins inside one word and ends inside another, neither a name (`县里|根据`: 里根)."""
    first, last = words.crossing.get(m.start), words.crossing.get(m.end)
    return first is not None and last is not None and "nr" not in (words.starting[first[0]][1], words.starting[last[0]][1])


def _cut_inside_noun(m: Mention, words: WordAnalysis) -> bool:
    """Whether a common noun that `m`'s last characters begin runs on past its end."""
    span = words.crossing.get(m.end)
    return span is not None and span[0] > m.start and words.starting[span[0]][1] == "n"


def _unworded(m: Mention, words: WordAnalysis) -> bool:
    """Whether a word runs into `m`'s first character, a place's name of two characters or more
    begins it (`英国|大`), a predicate word, a particle or a common noun runs on from its last character
    (`蔡奇陪|同`, `具体来|说`, `武侠小|说`), a predicate word, a time word or locative of two characters
    (`刚才`, `节|前夕`) or the plural suffix (`职工|们`) lies inside it, a pronoun or particle follows
    its first character (`但|他`, `风趣|地`), or it begins with a classifier (`位|安培`, `位|男`) or a
    one-character conjunction (`及|与会`). A name of three characters or more that the analysis reads
    as one word is not cut by the part of speech it gives that word (`戚建国/v|常委`)."""
    starting = words.starting
    if starting.get(m.start, (0,))[0] == m.end and m.end - m.start >= 3:
        return False
    if m.start in words.crossing or (m.end in words.crossing and
                                     starting[words.crossing[m.end][0]][1] in CROSSING_POS):
        return True
    if m.text.endswith(PLURAL) and starting.get(m.end - 1, (0,))[0] == m.end:
        return True
    if starting.get(m.start, (0, ""))[1] == "ns" and m.start + 2 <= starting[m.start][0] < m.end:
        return True  # `英国|大|律师`: a place's name before more characters is no surname and given name
    if m.start in starting and (starting[m.start][1] == "q" or starting[m.start] == (m.start + 1, "c")):
        return True
    return any(s in starting and starting[s][0] <= m.end
               and (starting[s][1] in PREDICATE_POS and (s > m.start or starting[s][0] - s > 1)
                    or starting[s][1] in GIVEN_NAME_EXCLUDED and s > m.start
                    or starting[s][1] in NAMELESS_POS and starting[s][0] - s > 1) for s in range(m.start, m.end))


def bare_heads(mentions: list[Mention], words: list[tuple[int, int, str]] | None,
               generic: frozenset[str], objects: tuple[str, ...] = ()) -> list[Mention]:
    """Without the suffix-anchored chunks that are a generic head (`generic_chunks`) after verbs,
    adverbs, prepositions, conjunctions or adjectives only (`受|委员长会议`, `确保|大会`,
    `学习|领会|全会`, `盛大|欢迎|招待会`), or that are one of `objects` right after a verb (`_verb_ends`), whatever
    comes before it (the verb's object: `主题|抓好|学习教育`, `提请|大会全体会议`), or that come
    right after a cardinal count (`中贝两国|政府`, `俄罗斯一些|政府`, `只有一项|一等奖`): they name
    no event, body or honour."""
    if not words:
        return mentions
    analysis = word_analysis(words)
    starts, ending = analysis.starting, analysis.ending

    def bare(m: Mention) -> bool:
        pos = m.start
        while pos in starts and starts[pos][1] in MODIFIER_POS and starts[pos][0] < m.end:
            pos = starts[pos][0]
            if m.text[pos - m.start:] in generic:
                return True
        if any(m.text.endswith(head) and _verb_ends(m.end - len(head), analysis) for head in objects
               if len(head) < len(m.text)):
            return True
        head = next((m.end - k for k in range(1, min(MAX_HEAD, len(m.text))) if m.text[-k:] in generic
                     and m.end - k in ending), None)
        return head is not None and _counted(head, analysis, m)

    return [m for m in mentions if m.source != "rule:chunk" or not bare(m)]


MAX_HEAD = 8  # characters of the longest generic head


def _verb_ends(pos: int, words: WordAnalysis) -> bool:
    """Whether a verb ends at `pos`, or a verbal noun after a verb or an adverb (`巩固|拓展`, not
    `政治|交接`: a noun's modifier)."""
    tag = words.ending.get(pos)
    start = words.long_word_starts.get(pos)
    return tag == "v" or (tag == "vn" and start is not None and words.ending.get(start) in ("v", "d"))


COUNTERS = "项名个位批家所座支条级国"  # classifiers and nouns that count (`一|项`, `两|级`, `两|国`), not measures or terms
PLACE_COUNTERS = "地省市"  # places counted (`两地`, `三省`): each of the places listed before, no name
COUNT_NUMERALS = "两三四五六七八九十双多几"
COLLECTIVES = frozenset({"历次", "历届", "历年", "各次", "各届", "多次", "几次", "数次"})  # all the events of a kind


def _counted(head: int, analysis: WordAnalysis, m: Mention) -> bool:
    """Whether a count of the chunk `m` ends at `head`: a numeral word with a classifier or a counted
    noun of one character after it (`两|国|`, `一|项|`, and ordinal: `第一|项|大奖`) or in one word with it
    (`两地|`), or alone and not after `第` (`一些|`), or a word for all the events of a kind (`二十届|历次|全会`)."""
    def char(pos: int) -> str:
        return m.text[pos - m.start] if m.start <= pos < m.end else ""
    word = analysis.word_ending(head)
    if word and word[0] >= m.start and m.text[word[0] - m.start:word[1] - m.start] in COLLECTIVES:
        return True
    if word and word[0] >= m.start and word[1] - word[0] >= 2 and char(word[1] - 2) in COUNT_NUMERALS \
            and char(word[1] - 1) in COUNTERS + PLACE_COUNTERS:
        return True  # one word for the count (`深圳和重庆|两地|政府`, `京|津|冀三地|政府`)
    counted = bool(word) and word[0] >= m.start and word[1] - word[0] == 1 and char(word[0]) in COUNTERS
    if counted:
        word = analysis.word_ending(word[0])
    return bool(word) and word[0] >= m.start and word[2] == "m" and (
        counted or char(word[0]) != "第" and char(word[0] - 1) != "第")


def distributed_chunks(mentions: list[Mention], words: list[tuple[int, int, str]] | None, text: str,
                       distributives: str) -> list[Mention]:
    """Without the suffix-anchored chunks of two words at most right after a distributive determiner
    (`各|团组|会议`): a kind, each of its members, is no name; a longer one may be
    (`各|民主党派|中央|脱贫攻坚|…|座谈会`)."""
    if not words:
        return mentions
    starts = word_analysis(words).starting
    return [m for m in mentions if m.source != "rule:chunk" or not (m.start and text[m.start - 1] in distributives)
            or sum(p in starts for p in range(m.start, m.end)) > 2]


def without_leading_places(mentions: list[Mention]) -> list[Mention]:
    """An organisation that begins with a place a pattern finds on its own there (`在|京|中共中央
    政治局委员`: the pattern's `京` after a verb of place) begins after it."""
    places = {(m.start, m.end) for m in mentions if m.type == "LOCATION" and m.source == "rule:pattern"}
    trimmed = []
    for m in mentions:
        end = next((e for s, e in places if s == m.start and m.end - e >= 2), None) if m.type == "ORG" else None
        trimmed.append(Mention(end, m.end, m.text[end - m.start:], m.type, m.source, m.score) if end else m)
    return trimmed


POLICY_LEAD_CHARS = 3  # the adverb before a policy's verb at the start of its name (`深入|推动`, `进一步|推进`)


def _policy_subject(text: str, m: Mention, chunker: Chunker | None) -> bool:
    """Whether an event named after a policy is its sentence's subject (`深入推动长江经济带发展座谈会|在武汉召开`):
    it opens the sentence with a verb of the policy, as one after a convening verb does (`召开|深入推进…座谈会`),
    and a verb of holding follows it in its clause."""
    return chunker is not None and opens_sentence(text, m.start) and held_subject(text, m.end, chunker) \
        and any(m.text.startswith(verb, lead) for verb in chunker.name_verbs if len(verb) > 1
                for lead in range(POLICY_LEAD_CHARS + 1))


KNOWN_EVENT_SOURCES = frozenset({LEXICON_SOURCE, "rule:pattern"})
# what begins the name of the Party's congresses and plenums whole (`党的二十届四中全会`, `党的二十大`): no modifier before
PARTYS_SESSION = re.compile(f"党的[{NUMBER_DIGITS}]+[届大]")
NO_MODIFIER_POS = frozenset("vadp")  # verbs, adjectives, adverbs, prepositions


def _before_known_event(m: Mention, events: list[Mention], words: WordAnalysis, kinds: frozenset[str],
                        heads: tuple[str, ...]) -> int:
    """Where a chunk begins the listed or patterned event name that ends it, or all the end it shares with another event's
    name (`祝愿|高峰论坛`, `…合作|高峰论坛`) but a kind (`kinds`), when the word right before is a verb, an adjective, an
    adverb or a preposition (`祝|北京冬奥会`, `不利|冬奥会`; of one character, a verb or a preposition: not `残|特奥会`), or a
    numbered session of the Party (`深刻认识|党的二十届四中全会`): no modifier of a name (`北京2022年|冬奥会`,
    `…思想|主题教育`); `m.start` where there is none, or where a quoted theme comes before (`“…新时代”政治交接|主题教育`). The
    end shared is never part of the chunk's own kind, the longest of the chunker's `heads` it ends with (`…集中|行动` and
    `冬季行动`: the kind is 集中行动)."""
    if "“" in m.text:
        return m.start
    known = [e.start for e in events if e.source in KNOWN_EVENT_SOURCES and m.start < e.start and e.end == m.end]
    kind = ends_with_any(m.text, len(m.text), heads) or ""
    known += [m.start + k for k in range(1, len(m.text) - max(len(kind), 1)) if m.text[k:] not in kinds and any(
        len(e.text) > len(m.text) - k and e.text.endswith(m.text[k:]) and e.text[k - len(m.text) - 1] != m.text[k - 1]
        for e in events)]
    before = [start for start in known if (word := words.word_ending(start)) and word[2][:1] in NO_MODIFIER_POS
              and (word[1] - word[0] > 1 or word[2] in LEADING_POS) or PARTYS_SESSION.match(m.text, start - m.start)]
    return min(before, default=m.start)


def _in_known(pos: int, known: list[Mention], at_end: int = 0) -> bool:
    """Whether `pos` falls inside one of the `known` names (or at its end, with `at_end`): no name's predicate ends
    there and no name begins there (`上合|组织|青岛峰会`: 组织 no verb; `2025上海合作|组织国家电影节`)."""
    return any(b.start < pos < b.end + at_end for b in known)


def trim_governing_predicates(mentions: list[Mention], rules: RecognitionRules, text: str = "",
                              words: list[tuple[int, int, str]] | None = None) -> list[Mention]:
    """EVENT mentions without the predicate words that govern them. The organisations and places among `mentions` that end
    inside an event mark where its name may begin, unless a verb that convenes or attends (the EVENT chunker's `opened_by`)
    governs the whole mention in `text` (`召开|中小企业促进法执法检查组第一次全体会议`); so does an event name that ends it
    (`助力|冬奥会`). A policy's meeting that opens its sentence keeps its verbs (`_policy_subject`:
    `贯彻落实|中央民族工作会议精神经验交流会|18日在京召开`). A verb and its resultative complement (`RESULTATIVES`), or a
    one-character preposition after it, are one predicate: `开好|十四届全国人大四次会议`, `参加完|脱贫攻坚总结表彰大会`,
    `沿用自|北京冬奥会`; so is a one-character verb or preposition in the mention before a meeting name's start
    (`报|中央政治局会议`, `机关作|党的十九届六中全会`, `event_name_starts`; not the joiner of two events' names,
    `…40周年暨|第五届…`), and a classifier that begins it (`座|2022年冬奥会`), and a convening verb before a bare kind
    (`主办|峰会`, one noun of the word analysis). A chunk begins the listed or patterned event that ends it where a word no
    name's modifier comes before that (`_before_known_event`). A listed event's name is whole
    (`深入贯彻中央八项规定精神学习教育`, the campaign's name)."""
    bodies = [m for m in mentions if m.type in ("ORG", "LOCATION")]
    known = [b for b in bodies if b.source == LEXICON_SOURCE]
    events = [m for m in mentions if m.type == "EVENT"]
    chunker = next((c for c in rules.chunkers if c.label == "EVENT"), None)
    opened_by, joiners = (chunker.opened_by, chunker.joiners) if chunker else ((), ())
    kinds = frozenset(chunker.suffixes if chunker else ()) | rules.generic_chunks
    words = word_analysis(words)
    predicate_ends = {end for start, end, pos in words if pos in PREDICATE_POS and end - start >= MIN_WORD_CHARS
                      and text[start:end] not in rules.policy_verbs}
    complements = {start: end for (_, verb_end, pos), (start, end, next_pos) in zip(words, words[1:])
                   if pos == "v" and verb_end == start
                   and (text[start:end] in RESULTATIVES or (next_pos == "p" and end - start == 1))}
    predicate_ends |= set(complements.values())
    starting, ending = words.starting, words.ending
    trimmed = []
    for m in mentions:
        cut = 0
        if m.type == "EVENT" and m.source != LEXICON_SOURCE and not _policy_subject(text, m, chunker):
            opened = any(text.endswith(verb, 0, m.start) for verb in opened_by)
            starts = () if opened else [b.start - m.start for b in bodies if m.start < b.start and b.end < m.end
                                        and not words.inside(b.start, RESIDENT_POS)] \
                + [e.start - m.start for e in events if m.start < e.start and e.end == m.end]
            ends = [end - m.start for end in predicate_ends if m.start < end < m.end and not _in_known(end, known, 1)]
            if rules.event_name_starts:  # `报|中央政治局会议`, `机关作|党的…全会`; not `涉|港…座谈会`, `环|波海…会议`
                ends += [s + 1 - m.start for s in range(m.start, m.end - 1) if starting.get(s, (0, ""))[0] == s + 1
                         and starting[s][1] in (LEADING_POS if s == m.start else "vp") and text[s] not in joiners
                         and rules.event_name_starts.match(text, s + 1)]
            cut = governed_start(m.text, rules, starts, ends)
            if not cut and (verb := _verb_before_head(m, starting, ending)) and not _in_known(verb, bodies, 1):
                cut = verb - m.start  # `京办|音乐会`: what a one-character verb governs is the bare kind
            if any(q.start() < cut < q.end() for q in QUOTED.finditer(m.text)):
                cut = 0  # `“洗雪百年国耻，喜迎|香港回归”…展览`: a quoted theme is no predicate of the name
            if not cut and m.start in complements and complements[m.start] < m.end - 1:
                cut = complements[m.start] - m.start
            if not cut and (verb := starts_with_any(m.text, opened_by)) and m.text[len(verb):] in kinds:
                cut = len(verb)  # `并|主办峰会`: a convening verb and a bare kind the word analysis reads as one noun
            if not cut and m.source == "rule:chunk":
                cut = _before_known_event(m, events, words, kinds, chunker.suffixes if chunker else ()) - m.start
                cut = 0 if _in_known(m.start + cut, known) else cut
        trimmed.append(Mention(m.start + cut, m.end, m.text[cut:], m.type, m.source, m.score, m.name) if cut else m)
    return trimmed
