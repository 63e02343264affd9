"""Meetings named after a policy (`召开|深入推进长三角一体化发展座谈会`): where their name begins back over the
policy's verbs, and whether one is its clause's subject."""
from __future__ import annotations

from pipeline.analysis.listed_names import LIST_MARK
from pipeline.analysis.matching import ASPECT_MARKS, CONJUNCTIONS, NAME_CHAR, protected
from pipeline.analysis.quoted_names import QUOTED_THEME_CHARS
from pipeline.analysis.sentences import CLAUSE_MARKS, opens_sentence
from pipeline.analysis.wordindex import inside_word
from pipeline.rules import Chunker, RecognitionRules
from pipeline.wordlists import ends_with_any

COMPANY = "同"  # the preposition of whom one meets or talks with (`习近平同|…会晤`)
JOINERS = CONJUNCTIONS | {COMPANY, "等"}  # what joins a name to the next or ends a list: no policy's verb


def after_opening_verb(text: str, begin: int, suffix_start: int, chunker: Chunker, rules: RecognitionRules,
                        words: tuple[dict[int, int] | None, ...] = ()) -> int:
    """A meeting named after a policy (`主持召开|深入推进长三角一体化发展座谈会`): a chunk stopped by one of the chunker's
    `name_verbs` runs on back to a verb that opens a name (`召开`, `出席`) when only name characters and such verbs lie
    between, and no name of the chunker's kind ends right before one of them (`举办|高层论坛|和|多场平行分论坛`: two events),
    or to the opening quote right after such a verb (`举办了“|加强村民自治…研讨会”`) or its aspect mark, or, over verbs and
    conjunctions, not the preposition of company (`习近平同|…会晤`), to the start of its sentence, whose subject it is
    (`推动高质量发展香港论坛|在广州举行`, a headline, `2025年新疆旅游和|发展大会在库车市开幕`; not
    `古巴国务委员会主席和|部长会议主席…`, nor `学习贯彻|…会议 精神`, predicates); else it stays where it stopped. A stop word
    inside a longer word of the analysis (`words`: start → end maps) or a protected word stops nothing
    (`推动大规模设备|更|新和…会议`, `省部级|主要|领导干部学习贯彻…研讨班`). A bare kind after a conjunction or a list's end
    names no policy (`施瓦布和|论坛执行主席`, `志愿服务等|主题活动`)."""
    stop = ends_with_any(text, begin, rules.stop_words) if chunker.name_verbs else None
    if stop not in chunker.name_verbs or ends_with_any(text, begin - len(stop), chunker.suffixes) \
            or (begin >= suffix_start and stop in JOINERS):
        return begin
    accompanied = stop == COMPANY
    pos, limit = begin - len(stop), max(0, suffix_start - (chunker.max_chars - 1))
    while pos > limit and (NAME_CHAR.match(text[pos - 1]) or _quoted_list_mark(text, pos - 1, begin)):
        if text[pos - 1] == "“" and ends_with_any(text, pos - 1 - (pos >= 2 and text[pos - 2] in ASPECT_MARKS),
                                                   chunker.opened_by):
            return pos  # `举办了“|加强…研讨会”`: the quoted name
        stop = ends_with_any(text, pos, rules.stop_words)
        if stop and (protected(text, pos - len(stop), pos, rules.protected_words)
                     or any(inside_word(pos - len(stop), pos, found) for found in words)):
            stop = None  # `设备|更|新`: inside a longer word of the analysis
        if stop in chunker.opened_by or (stop in ASPECT_MARKS and ends_with_any(text, pos - len(stop), chunker.opened_by)):
            return pos  # `召开|…`, `出席了|总后在京老干部和科技干部迎春茶话会`
        if stop and (stop not in chunker.name_verbs or ends_with_any(text, pos - len(stop), chunker.suffixes)):
            return begin
        accompanied = accompanied or stop == COMPANY
        pos -= 1
    return pos if not accompanied and opens_sentence(text, pos) and held_subject(text, suffix_start, chunker) else begin


def _quoted_list_mark(text: str, pos: int, begin: int) -> bool:
    """Whether a list mark at `pos` lies inside a quoted theme that closes before `begin`
    (`召开“千村示范|、|万村整治”工程推进大会`)."""
    return text[pos] == LIST_MARK and text.count("”", pos, begin) > text.count("“", pos, begin) \
        and text.rfind("“", max(0, pos - QUOTED_THEME_CHARS), pos) != -1


def held_subject(text: str, end: int, chunker: Chunker) -> bool:
    """Whether a verb of holding (`chunker.held_by`) follows `end` in its clause: the name before it is the
    clause's subject (`…座谈会|在武汉召开`)."""
    clause_end = CLAUSE_MARKS.search(text, end)
    return any(verb in text[end:clause_end.start() if clause_end else len(text)] for verb in chunker.held_by)
