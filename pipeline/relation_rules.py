"""The relation rules of schemas/relations.yaml, loaded and checked."""
from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import SchemaError
from pipeline.schema_files import load_yaml, longest_first, validate


@dataclass(frozen=True)
class TriggerRule:
    name: str
    relation: str
    words: tuple[str, ...]
    order: str
    confidence: float
    regex: re.Pattern
    heads: frozenset[str] = frozenset()  # the head types this trigger takes, if fewer than its relation's
    needs_object: bool = False  # `召开会议`, not `大会召开`: the event it relates comes after it
    nominal_before: tuple[str, ...] = ()  # words before it that make it a noun, besides the common ones
    irrealis_before: tuple[str, ...] = ()  # words earlier in its sentence that make it not (yet) happen
    unheld_before: tuple[str, ...] = ()  # words earlier in its sentence that schedule it: organised, not yet attended
    purpose_before: tuple[str, ...] = ()  # words right before it that make it a purpose (`为召开…作准备`)
    subject_first: bool = False  # a passive marker: its heads are the clause chain's subject alone
    reciprocal: tuple[str, ...] = ()  # (relation, event nouns…): its parties hold `会晤` together: they take part
    hosts_attend: frozenset[str] = frozenset()  # its words whose person holds a meeting there: they take part too
    document_event: bool = False  # it takes no object: it relates the event before it in its clause, else the document's
    main_kinds: tuple[str, ...] = ()  # what the document's main event's name must end with for it to apply (`锦标赛`)


@dataclass(frozen=True)
class RelationRules:
    types: dict[str, tuple[frozenset[str], frozenset[str]]]
    separators: tuple[str, ...]
    shared_title_separators: tuple[str, ...]
    post_commas: tuple[str, ...]
    post_joiners: tuple[str, ...]
    max_gap_chars: int
    chain_confidence: float
    unattached_titles: frozenset[str]
    government_heads: frozenset[str]  # `市长`: held at the place's government (`武汉市政府`) where named
    governments: tuple[str, ...]
    group_titles: frozenset[str]  # titles many hold (`代表`, `委员`): standing alone they name no one person
    title_modifiers: tuple[str, ...]
    title_compounds: tuple[str, ...]  # `主席会议`, `主席团`: a title before these names no person
    committee_ranks: frozenset[str]  # `省委委员、常委、书记`: bare ranks after a rank held at a committee
    party_organs: tuple[str, ...]  # `农业部党组副书记、副部长X`: the titles after the organ's are the body's
    own_offices: frozenset[str]  # `…党主席、|总统|X`: an office of its own, never a listed body's
    lead_memberships: tuple[str, ...]  # `中央宣讲团成员，|…祝卫东`: held by the person whose chain follows
    posts_after_lists: tuple[str, ...]  # `…副委员长王晨、曹建明，|秘书长|杨振武`: held at the list's body
    post_status: dict[str, tuple[str, ...]]
    sub_body_suffixes: tuple[str, ...]
    whole_body_heads: tuple[str, ...]  # `公司`: a name ending so is no unit by a shorter sub-body suffix (司)
    listed_sub_body_heads: tuple[str, ...]  # `…人大民族委员会、|外事委员会`: listed after a sub-body, its parent's too
    parent_short_forms: dict[str, tuple[str, ...]]  # `中央军委` → `军委`: how its units' names begin (`军委|政治工作部`)
    doctrine_heads: tuple[str, ...]  # `理论`, `思想`: a person's name right before one names a doctrine
    sub_body_confidence: float
    event_anaphora: tuple[str, ...]
    side_events: tuple[str, ...]  # `参加会见`: a meeting within the event, no part of it
    meeting_kinds: tuple[str, ...]  # `全会`: `在全|会上的讲话` refers to a plenum, not to any main event
    own_ceremonies: tuple[str, ...]  # `卢拉就职仪式`: a person the event's name names takes part in these only
    nominal: dict[str, tuple[str, ...]]  # before, after: words that make a trigger a noun; possessed: one of whom
    clause_words: dict[str, tuple[str, ...]]  # oblique/recipient prepositions, predicate joiners, reporting verbs
    time_markers: tuple[str, ...]
    held_verbs: tuple[str, ...]
    attended_verbs: tuple[str, ...]  # `参加EVENT的…`: the main event where none is held
    unrealised_before: tuple[str, ...]  # `为召开…`, `决定召开…`: a holding verb after these holds nothing yet
    held_max_gap: int
    headline_max_chars: int  # an item's headline in a news roundup is no longer
    # words that decide whether a holding verb states the event held now: future markers (`将在北京
    # 召开`), time words or noun heads after it (`召开以来`, `举办地`), a congratulation with a
    # completed adverb (`祝贺X成功召开`): not; the verbs of chairing (`主持召开座谈会`): held
    holding_words: dict[str, tuple[str, ...]]
    triggers: tuple[TriggerRule, ...]
    award_holder_words: tuple[str, ...]
    award_holder_titles: tuple[str, ...]  # `…奖获得者、中国科学院院士吴孟超`: one holder, first of a chain of titles
    location_prepositions: tuple[str, ...]
    location_event_verbs: tuple[str, ...]
    location_visit_verbs: tuple[str, ...]
    location_based_verbs: tuple[str, ...]
    location_founding_verbs: tuple[str, ...]  # `ORG在LOC成立`: where a body is founded it is based
    location_place_sides: tuple[str, ...]  # `最北部`: `位于河北省|最北部|的…林场` is in 河北省
    location_remote_means: tuple[str, ...]  # `视频`: `在北京以视频方式出席…峰会` is not in 北京
    location_hybrid_means: tuple[str, ...]  # `线上线下`: `在北京以线上线下相结合方式举行` is in 北京
    location_appositions: tuple[str, ...]  # `首都`: `拉脱维亚首都|里加` is in 里加
    location_descriptions: tuple[str, ...]  # `城市`: `在美丽的海滨城市|青岛` is in 青岛
    location_venue_heads: tuple[str, ...]  # `体育馆`: `在首都|体育馆` is no capital's apposition
    location_frame_locatives: tuple[str, ...]  # `中`: `在中奥两国国歌声中|拉开帷幕` is not in 中国
    location_continuing: tuple[str, ...]  # `并`: `在北京会见…，并|主持…会议` is in 北京
    location_continued_verbs: tuple[str, ...]
    location_subject_verbs: tuple[str, ...]  # `召开`: `春节过后，江西|召开…会议` is in 江西
    location_confidence: float
    award_event_confidence: float
    appointment_verbs: tuple[str, ...]
    appointment_skips: tuple[str, ...]
    appointment_adverbials: re.Pattern  # adverbials that end right before the verb (`曾`, `先后`, `１９５３年`)
    appointment_former: tuple[str, ...]
    unsaid_subject_verbs: frozenset[str]  # appointment verbs whose clause may leave its subject unsaid
    joining_verbs: tuple[str, ...]  # `加入`: who joins a party holds `member_title` there
    member_title: str
    appointment_confidence: float
    leader_titles: tuple[str, ...]  # `以X为团长的Y`: the posts a relative clause gives the leader of Y
    leader_heads: dict[str, str]  # `以X为首的Y`: the word that puts X at Y's head → the title it gives
    leading_verbs: tuple[str, ...]  # `由议长X率领的Y代表团`: X holds 议长 at Y
    leader_honorifics: tuple[str, ...]
    body_leading_verbs: dict[str, str]  # `X领导的Y`: the verb → the title it gives X at Y
    delegation_leader: str  # `X率领的Y代表团`: the title X holds at Y
    delegation_heads: tuple[str, ...]
    implied_bodies: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]  # (a body's names, its posts)
    place_body_posts: dict[str, tuple[str, ...]]  # `伊朗|外长` → the heads of 伊朗外交部
    home_titles: dict[str, tuple[str, ...]]
    home_confidence: float
    ceremony_suffixes: tuple[str, ...]
    own_meeting_heads: tuple[str, ...]  # `全体会议`: `全国绿化委员会|全体会议` is the committee's own
    own_meeting_confidence: float
    prizes: tuple[str, ...]  # what an award named after an event ends in to be that event's (`…比赛一等奖`)
    named_conferrer_confidence: float
    ceremony_confidence: float
    relative_markers: tuple[str, ...]
    list_item_gap: int  # the longest description between two items of a list of names
    winners_after: re.Pattern  # `A、B等3名获奖代表`: names before it are winners
    winners_before: re.Pattern  # `获奖者代表A`: names after it are winners
    winners_confidence: float
    roster_intro: re.Pattern  # `出席招待会的还有：`: who is listed after it took part
    roster_confidence: float
    frame_confidence: float  # `在…全会上，X…`: X took part
    possessed_event_confidence: float  # `国新办的新闻发布会`: the body held it
    event_parts: tuple[str, ...]  # `闭幕会`: a part of whatever event is the main one
    session_groups: tuple[str, ...]  # `…界委员小组讨论`: a group discussion of a session's members
    dispersed_events: tuple[str, ...]  # `冬奥会`: held over many venues, not where its opening ceremony is
    kin_nouns: tuple[str, ...]  # `夫人`: a name listed before one is whose relative came
    speakers: dict[str, tuple[str, ...]]  # kinds, verbs, between: who speaks at a discussion takes part
    speaker_confidence: float
    competitor_teams: tuple[str, ...]  # `队`: a body named with one is a team, which competes as its people do
    competitor_results: tuple[str, ...]  # verbs of a result that make a sentence a contest's results
    competitor_openings: tuple[str, ...]  # words of its opening that do so where the document's event is the contest
    competitor_confidence: float
    reception_held_for: re.Pattern  # `为…举行`: whom a reception is held for, up to the verb that holds it
    reception_kinds: tuple[str, ...]  # `欢迎仪式`, `宴会`: events held for guests
    reception_welcomes: re.Pattern  # `举行仪式，欢迎`: a ceremony held, then whom it welcomes
    reception_confidence: float
    co_hosts: re.Pattern  # `…主办，X承办`: where a hosting passive's clause ends, the body that undertakes the event

    def head_types(self, relation: str) -> frozenset[str]:
        return self.types.get(relation, (frozenset(), frozenset()))[0]

    def allows(self, relation: str, head_type: str, tail_type: str) -> bool:
        heads, tails = self.types.get(relation, (frozenset(), frozenset()))
        return head_type in heads and tail_type in tails

    def body_post(self, title: str) -> bool:
        """Whether a bare title listed after a post at a body may be held at that body (relations.yaml `own_offices`)."""
        return not (title in self.own_offices or title in self.government_heads or title in self.group_titles
                    or title in self.unattached_titles or title.startswith(self.party_organs)
                    or any(title in posts for _, posts in self.implied_bodies))


def _reciprocal(data: dict | None) -> tuple[str, ...]:
    """(relation, event nouns…) of a trigger's `reciprocal` setting; empty without one."""
    return (data["relation"], *longest_first(data["events"])) if data else ()


def _trigger_rules(data: list[dict], relations: Collection[str], path: Path) -> tuple[TriggerRule, ...]:
    triggers = []
    for rule in data:
        if rule["relation"] not in relations:
            raise SchemaError(f"{path}: at key triggers/{rule['name']}: unknown relation {rule['relation']!r}")
        words = longest_first(rule.get("words", []))
        try:
            regex = re.compile("|".join([*rule.get("patterns", []), *map(re.escape, words)]))
        except re.error as error:
            raise SchemaError(f"{path}: at key triggers/{rule['name']}/patterns: "
                              f"not a valid regular expression: {error}") from None
        triggers.append(TriggerRule(rule["name"], rule["relation"], words, rule.get("order", "head_trigger_tail"),
                                    rule.get("confidence", 0.7), regex, frozenset(rule.get("heads", [])),
                                    rule.get("needs_object", False), tuple(rule.get("nominal_before", [])),
                                    tuple(rule.get("irrealis_before", [])), tuple(rule.get("unheld_before", [])),
                                    tuple(rule.get("purpose_before", [])),
                                    rule.get("subject_first", False), _reciprocal(rule.get("reciprocal")),
                                    frozenset(rule.get("hosts_attend", [])), rule.get("document_event", False),
                                    tuple(rule.get("main_kinds", []))))
    return tuple(triggers)


HOLDING_WORD_KEYS = ("future_markers", "dating_words", "held_noun_heads", "congratulations", "present_markers",
                     "completed_adverbs", "chaired_verbs", "hosting_verbs", "guidance_heads", "spoken_verbs",
                     "tour_and_meeting_verbs", "attendee_nouns", "receiving_verbs", "awaited_verbs",
                     "delivered_congratulations")
POST_STATUS_KEYS = ("former", "new", "appointing", "ending", "post_word")
CLAUSE_WORD_KEYS = ("oblique_prepositions", "place_words", "copulas", "predicate_joiners", "reporting_verbs", "self_reports",
                    "recipient_prepositions", "time_clause_openers", "time_clause_ends", "frame_ends", "unheld",
                    "recapitulating", "recapitulated_all", "programme_nouns", "honour_nouns", "briefing_verbs",
                    "coordinated_visits", "meeting_verbs", "topic_prepositions", "noun_topic_prepositions", "time_anchors",
                    "listed_speech", "officials", "co_agents", "requesting_verbs", "companion_acts")


# relations.yaml's plain lists of words, each longest first (an absent list is empty)
WORD_LIST_KEYS = ("sub_body_suffixes", "whole_body_heads", "listed_sub_body_heads", "doctrine_heads", "event_anaphora",
                  "side_events", "meeting_kinds", "own_ceremonies", "award_holder_words", "ceremony_suffixes", "session_groups",
                  "own_meeting_heads", "dispersed_events")


def load_relation_rules(directory: Path) -> RelationRules:
    path = directory / "relations.yaml"
    data = load_yaml(path)
    validate(data, "relations", path)
    types = {name: (frozenset(v["head"]), frozenset(v["tail"])) for name, v in data["types"].items()}
    chain = data["title_chain"]
    home = data.get("home_titles", {})
    main_event = data.get("main_event", {})
    winners = data.get("winners", {})
    roster = data.get("roster", {})
    return RelationRules(
        types=types,
        **_chain_rules(chain),
        **{key: longest_first(data.get(key, [])) for key in WORD_LIST_KEYS},
        post_status={key: longest_first(data.get("post_status", {}).get(key, [])) for key in POST_STATUS_KEYS},
        sub_body_confidence=data.get("sub_body_confidence", 0.8),
        parent_short_forms={full: tuple(shorts) for full, shorts in data.get("parent_short_forms", {}).items()},
        nominal={key: longest_first(data.get("nominal_triggers", {}).get(key, [])) for key in ("before", "after", "possessed")},
        clause_words={key: longest_first(data.get("clause_words", {}).get(key, [])) for key in CLAUSE_WORD_KEYS},
        time_markers=tuple(main_event.get("time_markers", [])),
        held_verbs=longest_first(main_event.get("held_verbs", [])),
        attended_verbs=longest_first(main_event.get("attended_verbs", [])),
        unrealised_before=longest_first(main_event.get("unrealised_before", [])),
        held_max_gap=main_event.get("max_gap_chars", 0), headline_max_chars=main_event.get("headline_max_chars", 0),
        holding_words={key: longest_first(main_event.get(key, [])) for key in HOLDING_WORD_KEYS},
        triggers=_trigger_rules(data["triggers"], types, path),
        award_holder_titles=tuple(data.get("award_holder_titles", [])),
        **_location_rules(data.get("location_words", {})),
        award_event_confidence=data.get("award_event_confidence", 0.7),
        **_appointment_rules(data.get("appointments", {}), path),
        implied_bodies=tuple((tuple(b["bodies"]), longest_first(b["titles"])) for b in data.get("implied_bodies", [])),
        place_body_posts={post: tuple(heads) for post, heads in data.get("place_body_posts", {}).items()},
        home_titles={title: tuple(heads) for title, heads in home.get("titles", {}).items()},
        home_confidence=home.get("confidence", 0.55), ceremony_confidence=data.get("ceremony_confidence", 0.65),
        own_meeting_confidence=data.get("own_meeting_confidence", 0.8),
        prizes=longest_first(data.get("named_conferrers", {}).get("prizes", [])),
        named_conferrer_confidence=data.get("named_conferrers", {}).get("confidence", 0.75),
        relative_markers=tuple(data.get("relative_markers", [])),
        list_item_gap=data.get("list_item_gap_chars", 40),
        winners_after=_words_regex(winners.get("after_names", []), "winners/after_names", path),
        winners_before=_words_regex(winners.get("before_names", []), "winners/before_names", path),
        winners_confidence=winners.get("confidence", 0.7),
        roster_intro=_words_regex(roster.get("intros", []), "roster/intros", path),
        roster_confidence=roster.get("confidence", 0.7),
        frame_confidence=data.get("frame_confidence", 0.7),
        possessed_event_confidence=data.get("possessed_event_confidence", 0.7),
        event_parts=longest_first(roster.get("event_parts", [])),
        kin_nouns=longest_first(roster.get("kin_nouns", [])),
        speakers={key: longest_first(data.get("speakers", {}).get(key, [])) for key in ("kinds", "verbs", "between")},
        speaker_confidence=data.get("speakers", {}).get("confidence", 0.7),
        competitor_teams=longest_first(data.get("competitors", {}).get("teams", [])),
        competitor_results=longest_first(data.get("competitors", {}).get("results", [])),
        competitor_openings=longest_first(data.get("competitors", {}).get("openings", [])),
        competitor_confidence=data.get("competitors", {}).get("confidence", 0.65),
        reception_held_for=re.compile(data.get("receptions", {}).get("held_for", "(?!)")),
        reception_kinds=longest_first(data.get("receptions", {}).get("kinds", [])),
        reception_welcomes=re.compile(data.get("receptions", {}).get("welcomes", "(?!)")),
        reception_confidence=data.get("receptions", {}).get("confidence", 0.65),
        co_hosts=re.compile(data.get("co_hosts", "(?!)")),
    )


def _chain_rules(chain: dict) -> dict:
    """The title chain's fields of `RelationRules` (relations.yaml `title_chain`)."""
    return {
        "separators": tuple(chain["separators"]),
        "shared_title_separators": tuple(chain.get("shared_title_separators", [])),
        "post_commas": tuple(chain.get("post_commas", [])),
        "post_joiners": tuple(chain.get("post_joiners", [])),
        "max_gap_chars": chain.get("max_gap_chars", 0),
        "chain_confidence": chain.get("confidence", 0.85),
        "unattached_titles": frozenset(chain.get("unattached_titles", [])),
        "government_heads": frozenset(chain.get("government_heads", [])),
        "governments": longest_first(chain.get("governments", [])),
        "group_titles": frozenset(chain.get("group_titles", [])),
        "title_modifiers": longest_first(chain.get("title_modifiers", [])),
        "title_compounds": longest_first(chain.get("title_compounds", [])),
        "committee_ranks": frozenset(chain.get("committee_ranks", [])),
        "party_organs": longest_first(chain.get("party_organs", [])),
        "own_offices": frozenset(chain.get("own_offices", [])),
        "lead_memberships": longest_first(chain.get("lead_memberships", [])),
        "posts_after_lists": longest_first(chain.get("posts_after_lists", [])),
    }


def _location_rules(location: dict) -> dict:
    """`RelationRules`' fields of where an event is held or a body based (`在…召开`, `位于`)."""
    return {"location_prepositions": tuple(location.get("prepositions", [])),
            "location_event_verbs": longest_first(location.get("event_verbs", [])),
            "location_visit_verbs": longest_first(location.get("visit_verbs", [])),
            "location_based_verbs": longest_first(location.get("based_verbs", [])),
            "location_founding_verbs": longest_first(location.get("founding_verbs", [])),
            "location_place_sides": longest_first(location.get("place_sides", [])),
            "location_remote_means": tuple(location.get("remote_means", [])),
            "location_hybrid_means": tuple(location.get("hybrid_means", [])),
            "location_appositions": longest_first(location.get("appositions", [])),
            "location_descriptions": longest_first(location.get("descriptions", [])),
            "location_venue_heads": tuple(location.get("venue_heads", [])),
            "location_frame_locatives": tuple(location.get("frame_locatives", [])),
            "location_continuing": longest_first(location.get("continuing", [])),
            "location_continued_verbs": longest_first(location.get("continued_verbs", [])),
            "location_subject_verbs": longest_first(location.get("subject_verbs", [])),
            "location_confidence": location.get("confidence", 0.75)}


def _appointment_rules(appointments: dict, path: Path) -> dict:
    """`RelationRules`' fields of appointments (`任命…为`, `X曾担任…`)."""
    return {"appointment_verbs": longest_first(appointments.get("verbs", [])),
            "appointment_skips": longest_first(appointments.get("skip_before_verb", [])),
            "appointment_adverbials": _adverbials_regex(appointments.get("adverbials", []), path),
            "appointment_former": longest_first(appointments.get("former", [])),
            "unsaid_subject_verbs": frozenset(appointments.get("unsaid_subject_verbs", [])),
            "joining_verbs": longest_first(appointments.get("joining_verbs", [])),
            "member_title": appointments.get("member_title", "党员"),
            "appointment_confidence": appointments.get("confidence", 0.8),
            "leader_titles": longest_first(appointments.get("leader_titles", [])),
            "leader_heads": dict(appointments.get("leader_heads", {})),
            "leading_verbs": longest_first(appointments.get("leading_verbs", [])),
            "leader_honorifics": longest_first(appointments.get("leader_honorifics", [])),
            "body_leading_verbs": dict(appointments.get("body_leading_verbs", {})),
            "delegation_leader": appointments.get("delegation_leader", ""),
            "delegation_heads": longest_first(appointments.get("delegation_heads", []))}


def _adverbials_regex(patterns: list[str], path: Path) -> re.Pattern:
    """A run of the adverbials `patterns` ending where a search's `endpos` is."""
    regex = _words_regex(patterns, "appointments/adverbials", path)
    return re.compile(f"(?:{regex.pattern})+$") if patterns else regex


def _words_regex(patterns: list[str], key: str, path: Path) -> re.Pattern:
    """One regex of alternatives; one that matches nothing without any."""
    try:
        return re.compile("|".join(patterns) or "(?!)")
    except re.error as error:
        raise SchemaError(f"{path}: at key {key}: not a valid regular expression: {error}") from None
