"""Clauses inside a name: an organisation or event mention run across a subject and its
predicate (`国务院|委托|国家计委`, `党|历来|重视|党史学习教育`) begins after the predicate."""
from __future__ import annotations

from bisect import bisect_right
from typing import NamedTuple

from pipeline.analysis.boundaries import RESULTATIVES
from pipeline.analysis.chunk_words import MIN_BODY_HEAD_CHARS
from pipeline.analysis.matching import PAUSES
from pipeline.analysis.quoted_names import opens_with_slogan
from pipeline.analysis.wordindex import NOUN_POS, WordAnalysis, word_analysis
from pipeline.records import Mention
from pipeline.rules import RecognitionRules
from pipeline.wordlists import word_at, word_set

# the word analysis's names of people and bodies; not places, which name bodies' seats and scopes
# (`中国|驻|俄罗斯大使馆`, `晋江|供水|公司`)
SUBJECT_POS = frozenset({"nr", "nt"})
NAME_WORD_POS = frozenset({"nr", "nt", "ns", "j"})
OBJECT_POS = NOUN_POS | {"nr"}
# modal verbs (能愿动词), which like adverbs stand between a subject and its verb (`要|充分|运用`, `愿|同`)
MODALS = frozenset({"要", "将", "应", "会", "能", "须", "可", "愿", "应当", "应该", "需要", "必须", "能够", "可以", "愿意"})
# verbs that name a body by where it is stationed or sent (`酒钢集团公司|驻|兰州办事处`, `中国|驻|…大使馆`)
STATIONING_VERBS = frozenset({"驻", "派驻", "援", "赴"})
# 可 before a verb makes an adjective of it, inside a name no modal (`全球|可|持续|交通大会`, `可|再生|能源`)
ADJECTIVE_PREFIXES = frozenset({"可"})
ADVERBIAL_POS = frozenset("da")  # adverbs, and adjectives as adverbials (`充分|运用`, `公开|批评`)
# prepositions of a companion or an addressee (`北京人民大会堂|同|欧盟委员会…主席`); not `因` of a
# transliteration (`美国|因美纳公司`)
COMPANION_PREPOSITIONS = frozenset("同与跟向")
MIN_CLAUSE_OBJECT_CHARS = 3  # `政府`, `胜局` after a cut are no names


def without_clause_subjects(mentions: list[Mention], words: list[tuple[int, int, str]] | None,
                            generic_heads: frozenset[str] = frozenset(), titles: frozenset[str] = frozenset(),
                            listed_starts: frozenset[int] = frozenset(),
                            body_heads: frozenset[str] = frozenset()) -> list[Mention]:
    """Organisation and event mentions run across a clause begin after its predicate (and a
    preposition after it): `国务院|委托|国家计委`, `伯塞斯库|公开|批评|政府`, `政协|愿|同|越南…委员会`,
    `党|历来|重视|党史学习教育`, `会议|研究部署|第二批主题教育`.

    - An organisation's clause is a person's name and a verb (not a verbal noun) before a noun; or
      a body's name (of the word analysis, or a mention found on its own:
      `国家技术监督局|委托|广东省技术监督局`) or a title (`部长|兼|国家税务总局`) and a verb before a
      name; or a preposition between two names found (`北京人民大会堂|同|欧盟委员会`). Names of
      bodies hold none of these (`国务院|扶贫|开发|领导小组`, `国务院|防治|艾滋病|工作委员会`).
    - An event's is such a body's name and verb (`国务院|致|北京冬奥会`), a noun and adverbials or a
      modal verb before its verb (`党史|学习|教育` has none), a generic head as subject (`会议`,
      `generic_heads`), or a person's name found and a preposition before a name found
      (`赵乐际|同|全国人大常委会会议`).

    Adverbials or a modal verb may stand before the verb. A rest of fewer than three characters is
    no name. A preposition that begins a listed name (`listed_starts`: `华中科技大学|同济医院`) is
    that name's. A verb right before a body's or a meeting's head of three characters or more
    (`body_heads`) is its purpose or topic (`中央全面|依法|治国|委员会`, `…治国|工作会议`), no predicate. An event named by a
    slogan in quotation marks it opens with keeps the slogan's clause (`“把农村青年最喜爱的书送下乡”活动`)."""
    if not words or not any(m.type in ("ORG", "EVENT") for m in mentions):
        return mentions
    analysis = word_analysis(words)
    starts = analysis.starts
    named: dict[int, int] = {}  # end → latest start of the people and bodies found
    for m in mentions:
        if m.type in ("ORG", "PERSON"):
            named[m.end] = max(named.get(m.end, -1), m.start)
    found = Found(named, frozenset(m.start for m in mentions if m.type in ("ORG", "PERSON", "LOCATION")),
                  frozenset(m.end for m in mentions if m.type in ("ORG", "PERSON", "LOCATION")),
                  frozenset(m.end for m in mentions if m.type == "PERSON"), listed_starts,
                  frozenset(h for h in body_heads if len(h) >= MIN_BODY_HEAD_CHARS))
    kept = []
    for m in mentions:
        cut = _clause_end(m, analysis, starts, generic_heads, titles, found) \
            if m.type == "ORG" or m.type == "EVENT" and not opens_with_slogan(m.text) else None
        if cut is None:
            kept.append(m)
        elif m.end - cut >= MIN_CLAUSE_OBJECT_CHARS:
            kept.append(Mention(cut, m.end, m.text[cut - m.start:], m.type, m.source, m.score, m.name))
    return kept


class Found(NamedTuple):
    """The names found on their own that a clause's subject or object may be."""

    subject_starts: dict[int, int]  # end → latest start of the people and bodies
    starts: frozenset[int]  # of the people, bodies and places
    ends: frozenset[int]  # of the people, bodies and places
    person_ends: frozenset[int]
    listed_starts: frozenset[int]  # where a listed name begins
    body_heads: frozenset[str]  # the head words of bodies' names a purpose may stand before


def _object_follows(word: tuple[int, int, str]) -> bool:
    """Whether `word` begins an object or a prepositional phrase: a noun of two characters or more
    (a verb and a one-character object modify a head, `援|鄂|医疗队`), or a preposition."""
    start, end, pos = word
    return pos == "p" or (pos in OBJECT_POS and end - start >= 2)


def _name_follows(word: tuple[int, int, str], found: Found) -> bool:
    """Whether `word` begins a name (of the word analysis, or found on its own) or a prepositional
    phrase: a body's purpose is no clause (`国务院|防治|艾滋病|工作委员会`, `文化部|振兴|京剧|…`)."""
    start, _, pos = word
    return pos == "p" or pos in NAME_WORD_POS or start in found.starts


def _clause_end(m: Mention, analysis: WordAnalysis, starts: list[int], generic_heads: frozenset[str],
                titles: frozenset[str], found: Found) -> int | None:
    first = bisect_right(starts, m.start) - 1
    if first < 0 or analysis[first][0] != m.start:
        return None
    text = m.text
    # right after a verb of two characters or more (`召开|…水域|禁|捕…会议`), an event's name holds its
    # topic's adverbials: they make no clause of a noun before them
    governed = analysis.ending.get(m.start) == "v" and m.start in analysis.long_word_starts

    def word(k: int) -> str:
        return text[analysis[k][0] - m.start:analysis[k][1] - m.start]
    for k in range(first + 1, len(analysis)):
        start, end, pos = analysis[k]
        if end >= m.end:
            return None
        if pos == "p" and word(k) in COMPANION_PREPOSITIONS and start > m.start and analysis[k + 1][0] in found.starts \
                and start in (found.ends if m.type == "ORG" else found.person_ends) and start not in found.listed_starts:
            return end  # `北京人民大会堂|同|欧盟委员会`, `赵乐际|同|全国人大常委会会议`: a preposition between two names found
        if pos != "v" or word(k) in STATIONING_VERBS or word(k + 1) in found.body_heads \
                or text[analysis[k + 1][0] - m.start:] in found.body_heads \
                or (k - 1 > first and word(k - 1) in ADJECTIVE_PREFIXES):
            continue
        j, between = k - 1, 0
        while j > first and (analysis[j][2] in ADVERBIAL_POS or word(j) in MODALS):
            between += analysis[j][2] != "a"  # `中央|全面|深化改革委员会`: an adjective alone makes no clause
            j -= 1
        _, subject_end, subject_pos = analysis[j]
        modal = word(k) in MODALS
        named = found.subject_starts.get(subject_end, -1)
        body = subject_pos == "nt" or m.start < named or (m.start == named and subject_end < m.end) \
            or word(j) in titles or (subject_pos == "j" and (between or modal))
        named_subject = (subject_pos == "nr" and _object_follows(analysis[k + 1])) \
            or (body and _name_follows(analysis[k + 1], found))
        if m.type == "ORG":
            clause = named_subject
        else:
            clause = (subject_pos in SUBJECT_POS and named_subject) or subject_pos in OBJECT_POS | {"r"} and (
                (between and not governed) or (j == first and text[:subject_end - m.start] in generic_heads))
        if clause:
            while analysis[k + 1][2] in ("v", "p") and analysis[k + 1][1] < m.end:
                k += 1
            return analysis[k][1]
    return None


VERB_MODIFIER_POS = frozenset("val")  # verbs, adjectives and idioms before a verb (`实现|会晤`, `成功|会晤`, `面对面|会晤`)
FREQUENCY_CLASSIFIERS = "次度回"  # a count of times (`三次`, `两度`); after 第 an ordinal
NAMED_PARTY_POS = frozenset({"nr", "ns", "nz", "j"})  # a person or place the analysis reads, alone before the head
COMITATIVES = frozenset("同与跟")  # with whom: `同|委内瑞拉总统|会谈`
COMITATIVE_POS = frozenset("pv")  # how the analysis reads one (a headline's `李强同|意大利总理会谈`: 同 a verb); not as a
# conjunction, which pairs two parties in the name (`中国与东盟领导人会晤`)


def verbal_meetings(mentions: list[Mention], words: list[tuple[int, int, str]] | None, text: str,
                    heads: tuple[str, ...]) -> list[Mention]:
    """Without the event chunks that end in a head that is also a verb (`heads`: 会晤) where it is
    the verb: after a count of times, a verb, an adjective or an idiom, after a person's name
    found in the chunk, after one name alone that a preposition governs (`与|默克尔|会晤`, `在|伊朗|会晤`),
    or after whom they met with (`同|委内瑞拉总统|会谈`) (`recognition.yaml`, `verbal_heads`)."""
    if not words or not heads or not any(m.type == "EVENT" and m.text.endswith(heads) for m in mentions):
        return mentions
    analysis = word_analysis(words)
    people = [(m.start, m.end) for m in mentions if m.type == "PERSON"]
    return [m for m in mentions if not (m.type == "EVENT" and m.text.endswith(heads)
                                        and (_verbal(m, analysis, people, heads) or _after_comitative(m, analysis, text)))]


def _after_comitative(m: Mention, analysis: WordAnalysis, text: str) -> bool:
    word = analysis.starting.get(m.start - 1)
    return word is not None and word[0] == m.start and word[1] in COMITATIVE_POS and text[m.start - 1] in COMITATIVES


def _verbal(m: Mention, analysis: WordAnalysis, people: list[tuple[int, int]], heads: tuple[str, ...]) -> bool:
    head = m.end - len(next(h for h in heads if m.text.endswith(h)))
    if any(m.start <= start and end <= head for start, end in people):
        return True
    index = bisect_right(analysis.starts, head - 1) - 1
    if index < 0 or analysis[index][1] != head or analysis[index][0] < m.start:
        return False
    start, end, pos = analysis[index]
    if start == m.start and pos in NAMED_PARTY_POS and analysis.ending.get(m.start) == "p":
        return True  # `与|默克尔|会晤`, `在|伊朗|会晤`: whom or where they met, a preposition's object
    if pos in VERB_MODIFIER_POS:
        return True
    if pos == "q" and index > 0 and analysis[index - 1][2] == "m" and analysis[index - 1][1] == start:
        start = analysis[index - 1][0]
    elif pos != "m":
        return False
    count = m.text[max(0, start - m.start - 1):end - m.start]  # with the character before: 第 of an ordinal
    return count[-1] in FREQUENCY_CLASSIFIERS and "第" not in count


def clause_predicates(mentions: list[Mention], words: list[tuple[int, int, str]] | None, text: str,
                      rules: RecognitionRules) -> list[Mention]:
    """An event or honour chunk that begins a clause with its predicate, the subject left unsaid (`，筹备|领导人会晤`,
    `，周密做好|开闭幕式`, `，设置|全球服务贸易峰会`), begins after the verbs, with the adverbials before them: a verb of
    lexicon PREDICATE (People's Daily's verbs, so not a sport's name the word analysis reads as one: `摔跤女子自由式…比赛`).
    So does one that begins with adverbials, with a word no name begins with (`LEAD_POS`: `附近|观看|“独立日”音乐会`,
    `各方|充分|利用|全球数字贸易博览会`) or inside a word (`再|次|赢得|世界锦标赛`) before its predicate, wherever it
    stands. Nothing is left of one where less than three characters, a generic head (`启动|系列活动`), or a word no name
    begins with, follow, and a term's determiner right after its predicate goes too (`筹划|明年|建交70周年庆祝活动`). A verb
    of the event's theme (`rules.theme_verbs`) is the name's own (`进一步推动长江经济带高质量发展座谈会`, `庆祝…大会`): only
    the words no name begins with go before it (`当地|庆祝广西壮族自治区成立60周年座谈会`). An honour's chunk also begins
    after a verb of winning it begins with (`获奖|先进集体`). A negation outside quotes ends a clause too, with the verbs it
    negates (`不|搞|送别仪式`, `行动|未|报|经|局长办公会议`; not `“不忘初心、…”主题教育`)."""
    candidates = [m.type in ("EVENT", "AWARD") and m.source == "rule:chunk" for m in mentions]
    if not words or not any(candidates):
        return mentions
    analysis = word_analysis(words)
    verbs = word_set(rules.lexicons.get("PREDICATE", ()))
    kept = []
    for m, candidate in zip(mentions, candidates):
        cut = _after_predicate(m, analysis, text, verbs, rules.theme_verbs) if candidate else None
        if candidate and cut is None and m.type == "AWARD":
            cut = _after_winning(m, analysis, text)
        if candidate and cut is None:
            cut = _after_negation(m, analysis, text)
        if cut is not None:  # `筹划|明年|建交70周年庆祝活动`: nor with a term's determiner after the predicate
            cut += len(word_at(text, cut, rules.term_determiners) or "")
        if cut is None:
            kept.append(m)
        elif m.end - cut >= MIN_CLAUSE_OBJECT_CHARS and text[cut:m.end] not in rules.generic_chunks:
            kept.append(Mention(cut, m.end, text[cut:m.end], m.type, m.source, m.score, m.name))
    return kept


WINNING_POS = frozenset({"v", "vn"})


def _after_winning(m: Mention, analysis: WordAnalysis, text: str) -> int | None:
    """Where a verb of winning that an honour's chunk begins with ends (`获奖|先进集体`, `得奖|…`):
    what won is described, not named by it."""
    end, pos = analysis.starting.get(m.start, (m.start, ""))
    return end if pos in WINNING_POS and text[end - 1] == "奖" and end < m.end else None


OBLIGATION_MODALS = frozenset("要应须")  # modal verbs of obligation, which a predicate's verb follows; not 可 or
# 会, which begin words the analysis may split (`可|持续发展午餐会`)
NO_NAME_START_POS = frozenset("advupc")  # what a name never begins with after a predicate (`抓好抓|实|主题教育`)
# words before a predicate that no event's name begins with: pronouns (`各方`, `当地`), locatives (`附近`), place
# words, prepositions, conjunctions, particles; not time words, which date names (`2021年|创新经济论坛`)
LEAD_POS = frozenset("rfspcu")
PREDICATE_CONJUNCTIONS = frozenset({"并", "并且", "而且"})  # what joins a predicate to one before (`…并|启动|系列活动`)


def _after_predicate(m: Mention, analysis: WordAnalysis, text: str, verbs: frozenset[str],
                     theme_verbs: frozenset[str]) -> int | None:
    """Where the predicate before a chunk's name ends (`m.end`: no name is left), None without one. The predicate is a verb of
    `verbs` and not of `theme_verbs`, of two characters or more (one may be a name's first character the analysis splits off:
    `端|午`, `无|人机`), with the adverbials and modal verbs before it (`要|充分|发挥|道德模范的…作用`) and the verbs,
    prepositions and resultative complement right after it (`要继续办好|中越建交75周年庆祝活动`). Before it stand words no
    name begins with or a word the chunk begins inside, or nothing where the chunk opens a clause or a predicate joined to one
    before it; or, before a verb of `theme_verbs`, such words, where the name begins after them."""
    k = bisect_right(analysis.starts, m.start) - 1
    if k < 0 or analysis[k][1] <= m.start:
        return None
    opens = analysis[k][0] == m.start and (m.start == 0 or text[m.start - 1] in PAUSES
                                           or (w := analysis.word_ending(m.start)) and text[w[0]:w[1]] in PREDICATE_CONJUNCTIONS)
    led = False
    while k < len(analysis) and (analysis[k][0] < m.start or analysis[k][2] in LEAD_POS) and analysis[k][1] < m.end:
        led, k = True, k + 1
    first = k
    while k < len(analysis) and analysis[k][1] < m.end and (analysis[k][2] in ADVERBIAL_POS or analysis[k][2] == "v"
                                                          and text[analysis[k][0]:analysis[k][1]] in OBLIGATION_MODALS):
        k += 1
    if k >= len(analysis) or not (opens or led or k > first):
        return None
    start, end, pos = analysis[k]
    word = text[start:end]
    if pos != "v" or end - start < 2 or end >= m.end:
        return None
    if word in theme_verbs:
        return analysis[first][0] if led else None
    if word not in verbs:
        return None
    while k + 1 < len(analysis) and analysis[k + 1][2] in ("v", "p") and analysis[k + 1][1] < m.end:
        k += 1
    if k + 1 < len(analysis) and analysis[k + 1][1] < m.end and text[analysis[k + 1][0]:analysis[k + 1][1]] in RESULTATIVES:
        k += 1  # `办|好`: the verb's resultative complement
    cut = analysis[k][1]
    return m.end if analysis.starting.get(cut, (0, ""))[1] in NO_NAME_START_POS else cut


NEGATIONS = frozenset("不没未别勿")  # what begins a negation (`不`, `没有`, `未`, `别`, `勿`): no name holds one


def _after_negation(m: Mention, analysis: WordAnalysis, text: str) -> int | None:
    """Where a chunk's name begins after the last negation it holds outside quotes and the verbs right after it."""
    negations = [k for k in range(bisect_right(analysis.starts, m.start - 1), bisect_right(analysis.starts, m.end - 1))
                 if analysis[k][2] in "dv" and analysis[k][1] - analysis[k][0] <= 2 and text[analysis[k][0]] in NEGATIONS
                 and analysis[k][1] < m.end and "“" not in text[m.start:analysis[k][0]]]
    if not negations:
        return None
    k = negations[-1]
    while k + 1 < len(analysis) and analysis[k + 1][2] == "v" and analysis[k + 1][1] < m.end:
        k += 1
    return analysis[k][1]


def without_recipients(mentions: list[Mention], text: str, granting_verbs: tuple[str, ...]) -> list[Mention]:
    """An honour's chunk right after a verb of granting that begins with a person's name (`授予|钱其琛“大十字”
    勋章`) begins after it, where the document names that person elsewhere too: the verb's first object, who
    receives the honour. A name found only there may be the honour's own (`孙中山|…奖`)."""
    if not granting_verbs:
        return mentions
    people = [m for m in mentions if m.type == "PERSON"]
    kept = []
    for m in mentions:
        recipient = max((p for p in people if p.start == m.start and p.end <= m.end - MIN_HONOUR_CHARS), default=None,
                        key=lambda p: p.end) if m.type == "AWARD" and text.endswith(granting_verbs, 0, m.start) else None
        if recipient and (text.find(recipient.text) != m.start or text.find(recipient.text, m.start + 1) != -1):
            m = Mention(recipient.end, m.end, text[recipient.end:m.end], m.type, m.source, m.score, m.name)
        kept.append(m)
    return kept


MIN_HONOUR_CHARS = 2  # `勋章`, `称号`: what is left of an honour after its recipient
