# pitchkit: `make demo` and `make test` are the whole quick start.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test check lint typecheck unit wheel fuzz bench eval templates icons prepared catalogs lenses tools clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev,test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/pitchkit demo --out out/demo --force

test: $(STAMP) lint typecheck unit wheel

# The quick check while working: lint, types, and the tests not marked slow (tests/conftest.py
# marks what renders whole notes or starts LibreOffice, the validator or a process), stopping
# at the first failure. `make test` runs every test.
check: $(STAMP) lint typecheck
	$(BIN)/pytest -q -x -m "not slow"

lint: $(STAMP)
	$(BIN)/ruff check src tests scripts benchmarks
	$(BIN)/ruff format --check src tests scripts benchmarks
	$(BIN)/python scripts/i18n.py --check

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/pytest -q

# Build the wheel, install it in a clean virtual environment and run the demo from it.
wheel: $(STAMP)
	$(BIN)/python scripts/check_wheel.py

fuzz: $(STAMP)
	PITCHKIT_FUZZ_EXAMPLES=2000 $(BIN)/pytest -q tests/test_hostile_properties.py

bench: $(STAMP)
	$(BIN)/python benchmarks/batch.py

# Score the impact-objective linker on each labelled set (docs/linking-evaluation.md): the
# first was tuned on, the others were written blind to the map and scored as they came.
EVAL_SETS := linkeval linkeval-heldout linkeval-fresh linkeval-blind3 linkeval-blind4 linkeval-blind5 linkeval-blind6 linkeval-blind7 linkeval-blind8 linkeval-blind9 linkeval-blind10 linkeval-blind11 linkeval-blind12 linkeval-blind13 linkeval-blind14 linkeval-blind15 linkeval-blind16 linkeval-blind17 linkeval-blind18 linkeval-blind19 linkeval-blind20 linkeval-blind21 linkeval-blind22 linkeval-blind23 linkeval-blind24 linkeval-blind25 linkeval-blind26 linkeval-blind27 linkeval-blind28 linkeval-blind29 linkeval-blind30 linkeval-blind31 linkeval-blind32 linkeval-blind33 linkeval-blind34 linkeval-blind35 linkeval-blind36 linkeval-blind37 linkeval-blind38 linkeval-blind39 linkeval-blind40 linkeval-blind41 linkeval-blind42 linkeval-blind43 linkeval-blind44 linkeval-blind45 linkeval-blind46 linkeval-blind47 linkeval-blind48 linkeval-blind49 linkeval-blind50 linkeval-blind51 linkeval-blind52 linkeval-blind53 linkeval-blind54 linkeval-blind55 linkeval-blind56 linkeval-blind57 linkeval-blind58 linkeval-blind59 linkeval-blind60 linkeval-blind61 linkeval-blind62 linkeval-blind63 linkeval-blind64 linkeval-blind65 linkeval-blind66 linkeval-blind67 linkeval-blind68 linkeval-blind69 linkeval-blind70 linkeval-blind71 linkeval-blind72 linkeval-blind73 linkeval-blind74 linkeval-blind75 linkeval-blind76 linkeval-blind77 linkeval-blind78 linkeval-blind79 linkeval-blind80 linkeval-blind81 linkeval-blind82 linkeval-blind83 linkeval-blind84 linkeval-blind85 linkeval-blind86 linkeval-blind87 linkeval-blind88 linkeval-blind89 linkeval-blind90 linkeval-blind91 linkeval-blind92 linkeval-blind93 linkeval-blind94 linkeval-blind95 linkeval-blind96 linkeval-blind97 linkeval-blind98 linkeval-blind99 linkeval-blind100 linkeval-blind101 linkeval-blind102 linkeval-blind103
eval: $(STAMP)
	$(BIN)/python scripts/eval_links.py --lodo $(foreach set,$(EVAL_SETS),--data tests/data/$(set))

templates: $(STAMP)
	$(BIN)/python scripts/build_templates.py
	$(BIN)/python scripts/build_prepared.py

# Redraw the Making Data Count icons shipped in the package (after changing icondrawing.py).
icons: $(STAMP)
	$(BIN)/python scripts/build_icons.py

# Clean and compile the built-in templates' parts ahead of time (after changing a template,
# the XML clean-up, the Jinja environment, or the Jinja or docxtpl version).
prepared: $(STAMP)
	$(BIN)/python scripts/build_prepared.py

# Extract messages, update the Welsh catalog and compile it (after changing wording).
catalogs: $(STAMP)
	$(BIN)/python scripts/i18n.py

# Remake the quick-loading copies of lenses.yaml, measures.yaml and measures_cy.yaml, and the
# stems of their phrases (after editing them, or the stemming in recast/words.py or
# recast/measures.py).
lenses: $(STAMP)
	$(BIN)/python -m pitchkit.recast.lenses
	$(BIN)/python -m pitchkit.recast.measures
	$(BIN)/python -m pitchkit.recast.measures_cy
	$(BIN)/python -m pitchkit.recast.stems

# The Open XML SDK validator used by the document tests (needs npm).
tools:
	cd tools && npm install --no-audit --no-fund

clean:
	rm -rf $(VENV) out build dist src/*.egg-info
