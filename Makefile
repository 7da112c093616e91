# The two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
LINT_PATHS := $(wildcard src tests bench migrations)

.PHONY: run test lint bench i18n screenshots clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev,ocr]"  # ocr: the OCR tests run, not skip
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/archdesk

test: $(STAMP)
	$(BIN)/ruff check $(LINT_PATHS)
	$(BIN)/ruff format --check $(LINT_PATHS)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench

# Collect every tr() string into the .ts (translations kept, removed strings dropped), then compile.
# Translate the new entries (Qt Linguist: $(BIN)/pyside6-linguist) and run it again.
i18n:
	test -x $(BIN)/pyside6-lupdate || $(MAKE) $(STAMP)
	$(BIN)/pyside6-lupdate -no-obsolete -locations relative $$(find src/archdesk -name '*.py' | sort) \
		-ts resources/i18n/archdesk_zh_CN.ts
	$(BIN)/pyside6-lrelease resources/i18n/archdesk_zh_CN.ts -qm resources/i18n/archdesk_zh_CN.qm

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench.screenshots

clean:
	rm -rf $(VENV) build dist .pytest_cache
