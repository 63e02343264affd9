"""Property-based tests: random Unicode, bytes and jsonl through ingest → extract → serialise.

Whatever comes in, nothing crashes; a document either comes out valid against
schemas/document.schema.json with every offset indexing its text, or the input is `Skipped`
with a reason. The examples are few and small so that the file runs in seconds; one Extractor
(the session fixture of conftest) serves every example.
"""
from __future__ import annotations

import json
import tempfile
from pathlib import Path

import jsonschema
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.errors import InputError
from pipeline.ingest.documents import make_document, safe_id
from pipeline.ingest.html import extract_html
from pipeline.ingest.reader import decode, read_inputs
from pipeline.outputs.documents import document_to_dict
from pipeline.outputs.graphml import graphml_ready
from pipeline.outputs.yaml_io import dump_yaml
from pipeline.records import Document, Skipped
from tests.conftest import DOCUMENT_SCHEMA

VALIDATOR = jsonschema.Draft202012Validator(json.loads(DOCUMENT_SCHEMA.read_text(encoding="utf-8")))
SETTINGS = settings(max_examples=40, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces that make the recognizer and the relation rules fire, mixed with anything at all.
WORDS = ["国务院总理", "李强", "出席", "会议", "中关村实验室", "主任", "王建华", "获得", "国家科技进步一等奖",
         "北京市", "司法局", "召开", "第三届青年科技论坛", "在杭州开幕", "國務院總理", "李強", "出席會議",
         "中關村實驗室", "獲得", "。", "，", "、", "\n", "\n\n", " ", "\u3000", "\xa0", "ＡＩ", "２０２４年",
         "\x01", "\x0b", "\x1f", "\x7f", "\x85", "\u2028", "\ufeff", "\ufffe", "\u200b", "😀", "“", "”"]
TEXT = st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=8)), max_size=40).map("".join)


def check(data: dict) -> None:
    assert [e.message for e in VALIDATOR.iter_errors(data)] == []
    text = data["text"]
    assert data["document"]["chars"] == len(text)
    for entity in data["entities"]:
        assert entity["mentions"]
        for m in entity["mentions"]:
            assert 0 <= m["start"] < m["end"] <= len(text)
            assert text[m["start"]:m["end"]] == m["text"]
    ids = {e["id"] for e in data["entities"]}
    for relation in data["relations"]:
        assert relation["head"] in ids and relation["tail"] in ids
        for span in relation["evidence"]:
            assert 0 <= span["start"] <= span["end"] <= len(text)
            assert text[span["start"]:span["end"]].strip() == span["text"]
    assert yaml.safe_load(dump_yaml(data)) == data  # YAML keeps every character, escaped where it must


def through_pipeline(extractor, documents: list[Document]) -> None:
    from pipeline.graph.build import GraphBuilder

    builder = GraphBuilder()
    for result in extractor.process(documents):
        check(document_to_dict(result))
        builder.add(result)
    graphml_ready(builder.graph())


@SETTINGS
@given(text=TEXT)
def test_random_text_through_the_pipeline(extractor, text):
    if not text.strip():
        return
    through_pipeline(extractor, [make_document(safe_id(text[:10]), text, "random.txt")])


@SETTINGS
@given(data=st.one_of(st.binary(max_size=300), TEXT.map(lambda t: t.encode("utf-8")),
                      st.tuples(TEXT, st.sampled_from(["gb18030", "big5", "utf-16", "utf-16-le", "utf-8-sig"]))
                      .map(lambda pair: pair[0].encode(pair[1], "ignore"))))
def test_random_bytes_decode_or_give_a_reason(extractor, data):
    try:
        text = decode(data)
    except InputError as error:
        assert str(error)
        return
    assert "\r" not in text and text.strip()
    through_pipeline(extractor, [make_document("bytes", text, "bytes.txt")])


JSON_VALUE = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | TEXT,
                          lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
                          max_leaves=6)
RECORD = st.fixed_dictionaries({}, optional={"id": st.one_of(TEXT, st.integers(), st.sampled_from(["../x", "X", "x", "CON"])),
                                             "text": st.one_of(TEXT, JSON_VALUE), "title": st.one_of(TEXT, JSON_VALUE),
                                             "source": JSON_VALUE, "date": JSON_VALUE})
LINE = st.one_of(RECORD.map(lambda r: json.dumps(r, ensure_ascii=False)), RECORD.map(json.dumps), TEXT,
                 st.just("{broken"), st.just('{"text": "\\udc80"}'))


@SETTINGS
@given(lines=st.lists(LINE, max_size=8), tail=st.binary(max_size=20))
def test_random_jsonl_files(extractor, lines, tail):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "feed.jsonl"
        path.write_bytes("\n".join(line.replace("\n", " ") for line in lines).encode("utf-8") + b"\n" + tail)
        items = list(read_inputs([path], max_chars=300))
    assert all(isinstance(i, (Document, Skipped)) for i in items)
    assert all(s.reason for s in items if isinstance(s, Skipped))
    documents = [i for i in items if isinstance(i, Document)]
    ids = [d.id for d in documents]
    assert len({i.casefold() for i in ids}) == len(ids)
    assert all("/" not in i and "\\" not in i and not i.startswith(".") for i in ids)
    assert all(d.text.strip() and len(d.text) <= 300 for d in documents)
    through_pipeline(extractor, documents)


@SETTINGS
@given(body=TEXT, tags=st.lists(st.sampled_from(["<p>", "</p>", "<div>", "<br>", "<script>", "</script>", "<td>",
                                                  "<!--", "-->", "<", ">", "&nbsp;", "&#0;", "&bogus;"]), max_size=10))
def test_random_html(body, tags):
    markup = "<html><body>" + "".join(t + body[i::3] for i, t in enumerate(tags)) + body + "</body></html>"
    try:
        text, meta = extract_html(markup.encode("utf-8"))
    except InputError as error:
        assert str(error)
        return
    assert text.strip() and "\r" not in text
    assert set(meta) == {"title", "source", "published"}
