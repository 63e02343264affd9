from pipeline.layout import author_line_bounds


def test_the_author_line_is_the_first_line_after_the_source_line():
    text = "送还一顶帽\n\n人民日报 1998-01-09\n\n  潘跃王萍 \n李为昌荣获大奖。"
    start, end = author_line_bounds(text)
    assert text[start:end].strip() == "潘跃王萍"


def test_no_source_line_among_the_first_lines_means_no_author_line():
    assert author_line_bounds("送还一顶帽\n\n潘跃王萍\n李为昌荣获大奖。") is None
    assert author_line_bounds("一\n二\n三\n四\n人民日报 1998-01-09\n潘跃王萍\n") is None  # too far down to be the source line
    assert author_line_bounds("送还一顶帽\n人民日报 1998-01-09\n") is None  # nothing after it
