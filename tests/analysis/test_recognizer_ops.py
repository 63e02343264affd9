"""The recognizer computes with numpy's BLAS instead of thinc's BLIS: the same entities."""
import pytest
import spacy
from thinc.api import use_ops

from pipeline.analysis.recognizer import ModelEntities
from pipeline.config import DEFAULT_NER_MODEL
from tests.helpers import news

pytestmark = pytest.mark.skipif(not DEFAULT_NER_MODEL.is_dir(), reason="no shipped model")


def entities(use_blis: bool, texts: list[str]) -> list[list[tuple[int, int, str]]]:
    with use_ops("numpy", use_blis=use_blis):
        model = spacy.load(DEFAULT_NER_MODEL)
    docs = ModelEntities(model, 4000).pipe(model.make_doc(text) for text in texts)
    return [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in docs]


def test_numpy_blas_and_blis_find_the_same_entities():
    texts = [news(i) for i in range(40)] + ["中共中央政治局常委、国务院总理李强在北京人民大会堂会见联合国秘书长古特雷斯。"]
    found = entities(False, texts)
    assert found == entities(True, texts)
    assert any(found)
