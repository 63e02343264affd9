# zhkg: make run (set up + run on seeds/), make view (DIR/graph.html), make test, make lint, make eval, make bench, make train.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SHARED ?= ../shared
ZHKG_DATA ?= $(SHARED)/data
GOLD ?= $(SHARED)/gold/dev
OUT ?= outputs

.PHONY: setup run view test lint eval eval-relations eval-silver eval-ner bench train train-words train-relations lexicons clean

$(BIN)/zhkg: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

setup: $(BIN)/zhkg

run: setup
	$(BIN)/zhkg run seeds --out $(OUT)

view: setup
	$(BIN)/zhkg view $(OUT)

test: setup
	$(BIN)/python -m pytest -q

lint: setup
	$(BIN)/ruff check pipeline tests

eval: setup
	$(BIN)/zhkg run $(GOLD) --out build/eval-dev --force
	$(BIN)/zhkg eval --gold $(GOLD) --pred build/eval-dev

# the relation stage alone, on the gold entities of $(GOLD)
eval-relations: setup
	$(BIN)/zhkg eval --gold $(GOLD) --pred build/eval-dev-gold-entities --gold-entities

# the silver set (tests/silver): its texts rebuilt from $(ZHKG_DATA), then run and scored
eval-silver: setup
	$(BIN)/python -m pipeline.tools.silver --data $(ZHKG_DATA) --out build/silver $(if $(SETS),--sets $(SETS))
	$(BIN)/zhkg run build/silver --out build/eval-silver --force
	$(BIN)/zhkg eval --gold build/silver --pred build/eval-silver

eval-ner: setup
	$(BIN)/zhkg eval-ner --data $(ZHKG_DATA)

# the full table (1, 10 and 40 M characters; long): BENCH_ARGS="--sizes 1" for a quick one
bench: setup
	$(BIN)/python -c "import jieba, psutil, distributed" 2>/dev/null || $(BIN)/pip install -q -e '.[bench,dask]'
	$(BIN)/python -m pipeline.tools.bench --data $(ZHKG_DATA) $(BENCH_ARGS)

# the recognizer (about 20 min on one core), its word and POS head, then the relation pair model on its output
train: setup
	ZHKG_DATA=$(ZHKG_DATA) $(BIN)/python -m pipeline.training --data $(ZHKG_DATA) --out build/train
	$(MAKE) train-words
	$(MAKE) train-relations

# the word and part-of-speech head of the recognizer (tok2vec and entity tagger frozen), on PD98
train-words: setup
	$(BIN)/python -m pipeline.training.words --data $(ZHKG_DATA) --out build/words

# the relation pair model alone (seconds): after any change to the rules or the recognizer
train-relations: setup
	$(BIN)/python -m pipeline.training.pairs --gold $(SHARED)/gold/train

lexicons: setup
	$(BIN)/python -m pipeline.tools.lexicons --data $(ZHKG_DATA)

clean:
	rm -rf build .pytest_cache
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
