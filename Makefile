# dotterel: the two quick-start commands are `make demo` and `make test`.
# Both create the virtual environment at .venv/ on first use (pinned versions from
# constraints.txt), so each works on a fresh clone with nothing but python3 and make.

VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint setup browser vendor clean

$(STAMP): pyproject.toml constraints.txt
	python3 -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

demo: $(STAMP)
	$(BIN)/dotterel code examples/arauca_report.txt --outlet "Example Times" --date 2024-04-16

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy

# The browser tests drive Debian's Chromium; install it when we can (root), else they skip.
browser:
	@if command -v chromium >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		apt-get update -qq && apt-get install -y -qq chromium fonts-dejavu-core >/dev/null; \
	else echo "chromium not installed and not root: browser tests will be skipped"; fi

# Rebuild the web UI's vendored JavaScript from web/package-lock.json (needs npm; the
# result is committed, so neither install nor test needs this).
vendor: $(STAMP)
	$(BIN)/python -m dotterel.server.build_vendor

# pytest exits 5 when it collected no test: that is a failure for us, not a pass.
test: lint browser
	$(BIN)/pytest -q; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no tests: failing"; exit 1; fi; \
	exit $$rc

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
