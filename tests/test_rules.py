"""pipeline.rules: loading and validating schemas/, with errors that name the file and key."""
import json
import shutil
from pathlib import Path

import jsonschema
import pytest
import yaml

from pipeline.errors import SchemaError
from pipeline.rules import load_schema
from pipeline.schema_files import ENTITY_TYPES, default_schemas_dir, read_word_list
from tests.conftest import DOCUMENT_SCHEMA, SCHEMAS


@pytest.fixture()
def copy(tmp_path: Path) -> Path:
    folder = tmp_path / "schemas"
    shutil.copytree(SCHEMAS, folder)
    return folder


def edit_yaml(path: Path, change) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def error_of(folder: Path) -> str:
    with pytest.raises(SchemaError) as info:
        load_schema(folder)
    return str(info.value)


# --- the repository's schemas ---------------------------------------------------------------

def test_entity_types_are_the_guideline_types(schema):
    assert set(schema.entity_types) == {"PERSON", "ORG", "LOCATION", "EVENT", "AWARD"} == set(ENTITY_TYPES)
    for entity_type in schema.entity_types.values():
        assert len(entity_type.color) == 3 and all(0 <= c <= 255 for c in entity_type.color)


def test_recognition_rules_loaded(rules):
    assert rules.titles and rules.honorifics and rules.chunkers and rules.patterns
    assert list(rules.titles) == sorted(rules.titles, key=lambda w: (-len(w), w))
    assert {"同志"} <= set(rules.honorifics)
    assert {"主任", "书记", "常委", "总理"} <= set(rules.titles)
    assert {c.label for c in rules.chunkers} <= set(ENTITY_TYPES)
    assert rules.lexicons["SURNAME"] and rules.lexicons["PLACE"]


def test_guideline_non_entities_are_listed(rules):
    # guidelines: `我国`, `我们` and the programme 新闻联播 are not entities
    assert {"我国", "我们", "新闻联播"} <= rules.never_entities


def test_gazetteer_loaded(schema):
    assert set(schema.gazetteer.names) <= set(ENTITY_TYPES)
    assert "北京市" in schema.gazetteer.names["LOCATION"]
    assert all(n == n.strip() and n for names in schema.gazetteer.names.values() for n in names)


def test_schema_is_cached(schema):
    assert load_schema() is schema


def test_copy_loads_like_the_original(copy, schema):
    loaded = load_schema(copy)
    assert loaded.directory == copy
    assert loaded.recognition.titles == schema.recognition.titles


def test_document_schema_is_a_valid_json_schema():
    data = json.loads(DOCUMENT_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(data)
    assert set(data["required"]) == {"document", "text", "entities", "relations"}


def test_document_schema_agrees_with_the_type_lists(schema):
    properties = json.loads(DOCUMENT_SCHEMA.read_text(encoding="utf-8"))["properties"]
    entity, relation = (properties[key]["items"]["properties"] for key in ("entities", "relations"))
    assert entity["type"]["enum"] == list(ENTITY_TYPES) == list(schema.entity_types)
    assert entity["id"]["pattern"] == f"^({'|'.join(ENTITY_TYPES)}):.+$"
    assert relation["type"]["enum"] == list(schema.relations.types)


def test_formats_are_valid_json_schemas():
    for path in sorted((SCHEMAS / "json").glob("*.schema.json")):
        jsonschema.Draft202012Validator.check_schema(json.loads(path.read_text(encoding="utf-8")))


def test_a_data_folder_needs_no_formats(copy):
    # the JSON-Schemas of schemas/json/ describe the format: the package's own are used
    shutil.rmtree(copy / "json")
    assert load_schema(copy).entity_types["PERSON"].name_zh == "人物"


def test_schemas_env_variable(monkeypatch, tmp_path: Path):
    monkeypatch.setenv("ZHKG_SCHEMAS", str(tmp_path))
    assert default_schemas_dir() == tmp_path
    monkeypatch.delenv("ZHKG_SCHEMAS")
    assert default_schemas_dir().resolve() == SCHEMAS.resolve()


# --- broken copies --------------------------------------------------------------------------

def test_bad_pattern_label(copy):
    edit_yaml(copy / "recognition.yaml", lambda d: d["patterns"][0].update(label="THING"))
    message = error_of(copy)
    assert "recognition.yaml" in message and "patterns/0/label" in message


def test_unknown_recognition_key(copy):
    edit_yaml(copy / "recognition.yaml", lambda d: d.update(titels=["主任"]))
    message = error_of(copy)
    assert "recognition.yaml" in message and "titels" in message


def test_missing_required_recognition_key(copy):
    edit_yaml(copy / "recognition.yaml", lambda d: d.pop("titles"))
    message = error_of(copy)
    assert "recognition.yaml" in message and "titles" in message


def test_bad_colour(copy):
    edit_yaml(copy / "entity_types.yaml", lambda d: d["PERSON"].update(color=[300, 0, 0]))
    message = error_of(copy)
    assert "entity_types.yaml" in message and "PERSON/color/0" in message


def test_unknown_entity_type(copy):
    edit_yaml(copy / "entity_types.yaml", lambda d: d.update(THING={"color": [1, 2, 3]}))
    message = error_of(copy)
    assert "entity_types.yaml" in message and "THING" in message


def test_bad_relation_rules(copy):
    edit_yaml(copy / "relations.yaml", lambda d: d["triggers"][0].update(confidence=2))
    message = error_of(copy)
    assert "relations.yaml" in message and "triggers/0/confidence" in message


def test_invalid_yaml_names_the_file(copy):
    (copy / "relations.yaml").write_text("types: [unclosed\n  - x: {\n", encoding="utf-8")
    message = error_of(copy)
    assert "relations.yaml" in message


def test_missing_lexicon_file(copy):
    (copy / "lexicons" / "surnames.txt").unlink()
    assert "surnames.txt" in error_of(copy)


def test_missing_schema_file(copy):
    (copy / "entity_types.yaml").unlink()
    assert "entity_types.yaml" in error_of(copy)


def test_missing_folder(tmp_path: Path):
    assert "nowhere" in error_of(tmp_path / "nowhere")


# --- word lists -----------------------------------------------------------------------------

def test_read_word_list(tmp_path: Path):
    path = tmp_path / "words.txt"
    path.write_text("\ufeff# a comment\n中关村实验室\n\n  ＡＩ研究院  \n中关村实验室\n", encoding="utf-8")
    assert read_word_list(path) == ("中关村实验室", "AI研究院")


@pytest.mark.parametrize("name, place", [
    ("波克罗夫斯克", True), ("伏尔加格勒", True), ("阿夫杰耶夫卡", True), ("哈尔科夫州", True),
    ("图斯克", False), ("拉夫罗夫", False), ("王建华", False),
])
def test_a_person_s_name_never_ends_as_only_places_names_do(name, place):
    assert load_schema().recognition.ends_as_place(name) is place
