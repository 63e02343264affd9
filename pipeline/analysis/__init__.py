"""Analysis stage: the spaCy `zh` pipeline (`nlp.build_nlp`) of sentence spans, the trained
recognizer and the entity rules, then entity resolution within a document."""
