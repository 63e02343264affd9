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
