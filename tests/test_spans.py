"""pipeline.spans and the one-sweep nesting of pipeline.extract."""
from pipeline.extract import nested_flags
from pipeline.records import Mention
from pipeline.spans import Coverage


def test_coverage_tells_free_spans_from_overlapping_ones():
    covered = Coverage(20, [(2, 5)])
    assert covered.free(0, 2) and covered.free(5, 9)
    assert not covered.free(4, 6) and not covered.free(0, 20)
    covered.mark(9, 12)
    assert not covered.free(11, 15) and covered.free(12, 15)


def test_nested_flags_mark_mentions_inside_longer_ones():
    def m(start, end, etype="ORG"):
        return Mention(start, end, "x" * (end - start), etype, "test")

    mentions = [m(0, 10, "EVENT"), m(0, 4), m(3, 10), m(12, 15), m(12, 15, "PERSON"), m(20, 30), m(22, 30)]
    assert nested_flags(mentions) == [False, True, True, False, False, False, True]
