"""pipeline.relations.guests: the guests a reception is held for attend it."""
from pipeline.analysis.sentences import split_sentences
from pipeline.relations.guests import guest_relations
from tests.conftest import anchored
from tests.relations.test_relations import pairs


def guests(text, names, relation_rules):
    mentions = [anchored(text, n, t) for n, t in names]
    return pairs(guest_relations(text, split_sentences(text), mentions, relation_rules), "participated_in")


def test_those_a_welcome_is_held_for_attend_it(relation_rules):
    text = "当晚，习近平和彭丽媛在人民大会堂为卢拉和夫人罗桑热拉举行隆重的欢迎宴会。"
    names = [("习近平", "PERSON"), ("彭丽媛", "PERSON"), ("人民大会堂", "LOCATION"), ("卢拉", "PERSON"),
             ("罗桑热拉", "PERSON"), ("欢迎宴会", "EVENT")]
    assert guests(text, names, relation_rules) == {("卢拉", "欢迎宴会"), ("罗桑热拉", "欢迎宴会")}


def test_a_farewell_at_an_airport_has_its_guest(relation_rules):
    text = "班达里在机场为习近平举行隆重欢送仪式。"
    names = [("班达里", "PERSON"), ("习近平", "PERSON"), ("欢送仪式", "EVENT")]
    assert guests(text, names, relation_rules) == {("习近平", "欢送仪式")}


def test_no_guest_at_what_is_no_reception_nor_across_a_clause_nor_after_another_word_s_为(relation_rules):
    mourned = "人们为王明举行追悼会。"
    assert guests(mourned, [("王明", "PERSON"), ("追悼会", "EVENT")], relation_rules) == set()
    across = "为欢迎李华，王明举行欢迎宴会。"
    assert guests(across, [("李华", "PERSON"), ("王明", "PERSON"), ("欢迎宴会", "EVENT")], relation_rules) == set()
    standing_in = "王明作为李华的代表举行欢迎宴会。"
    names = [("王明", "PERSON"), ("李华", "PERSON"), ("欢迎宴会", "EVENT")]
    assert guests(standing_in, names, relation_rules) == set()


def test_whom_a_ceremony_held_welcomes_attends_the_reception_the_document_names(relation_rules):
    text = "国家主席王明在人民大会堂举行仪式，欢迎乌国总统李华对我国进行国事访问，张强在场。赵磊出席欢迎仪式。"
    names = [("王明", "PERSON"), ("人民大会堂", "LOCATION"), ("乌国", "LOCATION"), ("李华", "PERSON"), ("张强", "PERSON"),
             ("赵磊", "PERSON"), ("欢迎仪式", "EVENT")]
    assert guests(text, names, relation_rules) == {("李华", "欢迎仪式")}  # not after the clause of welcome
    folded = "王明举行仪式,热烈欢迎李华访问。欢迎仪式后,两人会谈。"
    assert guests(folded, [("王明", "PERSON"), ("李华", "PERSON"), ("欢迎仪式", "EVENT")], relation_rules) == {("李华", "欢迎仪式")}
    mourned = "王明举行仪式，纪念李华。"  # no welcome, no reception
    assert guests(mourned, [("王明", "PERSON"), ("李华", "PERSON")], relation_rules) == set()


def test_a_guest_named_right_before_the_holding_verb_attends_and_holds_nothing(extract):
    facts = extract("会谈前，习近平和夫人彭丽媛在人民大会堂北大厅为米尔济约耶夫和夫人米尔济约耶娃举行欢迎仪式。")
    assert facts.relation_pairs("organized") == {("习近平", "欢迎仪式"), ("彭丽媛", "欢迎仪式")}
    assert {("米尔济约耶夫", "欢迎仪式"), ("米尔济约耶娃", "欢迎仪式")} <= facts.relation_pairs("participated_in")
