"""Ingest stage: input files (`files`) decoded (`decoding`), HTML pages (`html`) and jsonl lines
(`jsonl`) made into documents (`documents`), streamed by `reader.read_inputs`; the
length-preserving text normalisation the analysis reads (`textnorm`, `convert`)."""
