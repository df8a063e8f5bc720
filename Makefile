# PlanAssembler — `make` builds and runs the whole job, `make test` tests it. `make help` lists targets.
SHELL := /bin/bash
SWIFT ?= swift
CONFIG ?= release
BIN := .build/$(CONFIG)/plan-assembler
INPUTS ?= Inputs
OUTPUT ?= Output
CORPUS ?= ../shared/corpus
APT_GET := env DEBIAN_FRONTEND=noninteractive apt-get

.DEFAULT_GOAL := all
.PHONY: all help deps build run watch check test conformance check-docx preview report-screenshot fixtures verify-fixtures bench fuzz clean

all: deps build run ## Install what is missing, build (release) and run the main job on Inputs/ into Output/

help: ## List the targets
	@grep -hE '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-18s %s\n", $$1, $$2}'

deps: ## Install libzip-dev, libxml2-dev and pkg-config through apt-get when pkg-config cannot find them
	@if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists libzip libxml-2.0; then \
	  echo "installing libzip-dev libxml2-dev pkg-config"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO $(APT_GET) update -qq && $$SUDO $(APT_GET) install -y -qq libzip-dev libxml2-dev pkg-config; \
	fi

build: deps ## Build plan-assembler in release mode
	$(SWIFT) build -c $(CONFIG) --product plan-assembler

run: build ## Build the master plan from Inputs/ into Output/ (master-plan.docx, master-plan.json, report.html, drafts/)
	$(BIN) build $(INPUTS) --out $(OUTPUT)

watch: build ## Rebuild Output/ whenever a draft in Inputs/ is added, changed or removed (Ctrl-C stops)
	$(BIN) watch $(INPUTS) --out $(OUTPUT)

check: build ## Print each editor's summary of the drafts in Inputs/ (what was found, what is missing)
	@find $(INPUTS) -maxdepth 1 -name '*.docx' ! -name '~$$*' -print0 | sort -z | xargs -0 $(BIN) check

test: deps ## Build and run the unit and integration tests
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

conformance: build ## Read every file of the public corpus (CORPUS=../shared/corpus) and report agreement with pandoc and python-docx
	@if [ ! -d "$(CORPUS)/docx" ]; then echo "conformance: no corpus at $(CORPUS), skipped"; exit 0; fi
	python3 Tests/Conformance/conformance.py --bin $(BIN) --corpus $(CORPUS) --out $(OUTPUT)/conformance

check-docx: ## Check Output/master-plan.docx: loads in python-docx, converts to PDF with LibreOffice (installs them if missing)
	bash scripts/check-docx.sh $(OUTPUT)/master-plan.docx

preview: ## Render the first pages of Output/master-plan.docx to PNG in Output/preview/ (LibreOffice + pdftoppm)
	bash scripts/preview-docx.sh $(OUTPUT)/master-plan.docx $(OUTPUT)/preview

report-screenshot: ## Screenshot Output/report.html with headless Chromium into Output/report.png (installs chromium if missing)
	bash scripts/report-screenshot.sh $(OUTPUT)/report.html $(OUTPUT)/report.png

fixtures: ## Rebuild Inputs/ from Tests/Fixtures/drafts/src (installs pandoc, LibreOffice, python-docx)
	bash Tests/Fixtures/drafts/build_inputs.sh

verify-fixtures: ## Check that every draft in Inputs/ converts with LibreOffice and loads in python-docx
	bash Tests/Fixtures/drafts/verify_inputs.sh

BENCH_SIZES ?= 35,200,1000
BENCH_RUNS ?= 3
BENCH_ARGS ?=

bench: build ## Benchmarks, not a test: reader vs C floor, pandoc, python-docx; build on BENCH_SIZES drafts (BENCH_SIZES=35,200,1000,10000 for the big run); figures into Tests/Benchmarks/README.md
	@if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  missing=; command -v pandoc >/dev/null 2>&1 || missing="$$missing pandoc"; [ -x /usr/bin/time ] || missing="$$missing time"; \
	  if [ -n "$$missing" ]; then echo "installing$$missing"; $$SUDO $(APT_GET) update -qq && $$SUDO $(APT_GET) install -y -qq $$missing; fi
	@python3 -c 'import docx' 2>/dev/null || python3 -m pip install -q 'python-docx==1.*'
	python3 Tests/Benchmarks/bench.py --bin $(BIN) --sizes $(BENCH_SIZES) --runs $(BENCH_RUNS) --update-readme $(BENCH_ARGS)

FUZZ_SECONDS ?= 600

fuzz: deps ## Fuzz the reader with libFuzzer + AddressSanitizer for FUZZ_SECONDS (split across targets); findings in Output/fuzz/
	bash scripts/fuzz.sh $(FUZZ_SECONDS)

clean: ## Remove build products and generated outputs
	rm -rf .build
	find $(OUTPUT) -mindepth 1 ! -name .gitkeep -exec rm -rf {} +
