"""pipeline.tools.bench: the table."""
from pipeline.tools import bench


def test_table_shows_peak_pss(capsys):
    row = {"size": 1.0, "run": "zhkg local ×1", "workers": 1, "documents": 3, "characters": 1000,
           "seconds": 2.0, "cpu_seconds": 2.0, "chars_per_second": 500, "analysis_chars_per_second": 600,
           "extract_seconds": 1.5, "graph_seconds": 0.2, "peak_mb": 300.0, "analysis_peak_mb": 290.0,
           "peak_pss_mb": 210.5}
    bench.print_table([row, {**row, "run": "zhkg local ×2", "peak_pss_mb": None, "speedup": 1.8}])
    lines = capsys.readouterr().out.splitlines()
    assert "PSS MB" in lines[0]
    assert "210.5" in lines[2] and lines[3].rstrip().endswith("1.8×")


def test_pairs_alternate_zhkg_and_jieba_and_give_the_median_ratio(monkeypatch, tmp_path, capsys):
    calls, zhkg_cpu, jieba_cpu = [], iter([10.0, 20.0, 10.0]), iter([5.0, 5.0, 20.0])

    def run(arguments, env):
        kind = "jieba" if arguments[0] == "--jieba" else "zhkg"
        calls.append(kind)
        cpu = next(jieba_cpu if kind == "jieba" else zhkg_cpu)
        return {"characters": 1000, "seconds": cpu, "cpu_seconds": cpu, "chars_per_second": round(1000 / cpu),
                "peak_mb": 100.0}
    monkeypatch.setattr(bench, "_subprocess", run)
    monkeypatch.setattr(bench, "make_corpus", lambda data, chars, corpus: (3, 1000, "test"))
    args = bench._parser().parse_args(["--rows", "1", "--no-rerun", "--pairs", "3", "--data", str(tmp_path)])
    table = bench._bench_size(1.0, ["1"], True, args, {}, tmp_path)
    assert calls == ["zhkg", "jieba", "zhkg", "jieba", "zhkg", "jieba"]
    jieba = table[-1]  # per CPU second: 5/10, 5/20, 20/10
    assert (jieba["cpu_ratio"], jieba["pairs"], jieba["cpu_ratio_range"]) == (0.5, 3, (0.25, 2.0))
    bench.print_table(table)
    assert "median of 3 pairs, 0.25–2.0" in capsys.readouterr().out
