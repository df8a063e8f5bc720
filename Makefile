# PlanAssembler — `make` builds and runs the whole job, `make test` tests it. `make help` lists targets.
SHELL := /bin/bash
SWIFT ?= swift
CONFIG ?= release
BIN := .build/$(CONFIG)/plan-assembler
INPUTS ?= Inputs
OUTPUT ?= Output
CORPUS ?= ../shared/corpus
REALDOCS ?= ../shared/realdocs
EVAL_SETS ?= Tests/Evaluation/frozen $(wildcard $(REALDOCS))
PREFIX ?= /usr/local
DESTDIR ?=
# Every target that installs something goes through this script, with its requirements file
# scripts/requirements/<name>.txt (root: apt-get; a user with sudo: sudo; else it says what to run).
INSTALL_PACKAGES := bash scripts/install-packages.sh

.DEFAULT_GOAL := all
.PHONY: all help deps build run watch check test golden format lint test-install install uninstall conformance check-docx check-feedback preview report-screenshot fixtures verify-fixtures bench fuzz clean evaluate

all: deps build run ## Install what is missing, build (release) and run the main job on Inputs/ into Output/

help: ## List the targets
	@grep -hE '^[a-zA-Z_%-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-18s %s\n", $$1, $$2}'

deps: ## Install libzip-dev, libxml2-dev and pkg-config when pkg-config cannot find them (as root, or through sudo)
	@$(INSTALL_PACKAGES) deps
	@$(SWIFT) --version >/dev/null 2>&1 || { \
	  echo "make: no Swift toolchain ($(SWIFT)): install Swift 6 from https://www.swift.org/install/linux/" >&2; \
	  echo "      (e.g. into /opt/swift, with /opt/swift/usr/bin on PATH), or run make SWIFT=/path/to/swift" >&2; exit 1; }

deps-%: ## Install what target % needs (scripts/requirements/%.txt): deps-check-docx, deps-bench …
	@$(INSTALL_PACKAGES) $*

build: deps ## Build plan-assembler in release mode
	$(SWIFT) build -c $(CONFIG) --product plan-assembler

run: build ## Build the master plan from Inputs/ into Output/ (master-plan.docx, master-plan-outline.docx, master-plan.json, report.html, changes.json, drafts/, feedback/)
	$(BIN) build $(INPUTS) --out $(OUTPUT)

watch: build ## Rebuild Output/ whenever a draft in Inputs/ is added, changed or removed (Ctrl-C stops)
	$(BIN) watch $(INPUTS) --out $(OUTPUT)

check: build ## Print each editor's summary of the drafts in Inputs/ (what was found, what is missing)
	@find $(INPUTS) -maxdepth 1 -name '*.docx' ! -name '~$$*' -print0 | sort -z | xargs -0 $(BIN) check

test: deps ## Build and run the unit and integration tests
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

golden: deps ## Rewrite every golden file (Tests/*/Golden, the README's diagnostics table) from the code, then review git diff
	UPDATE_GOLDEN=1 $(SWIFT) test --filter 'Golden|DiagnosticCodeTests'

# Every Swift file of the project (the package, its tests, the plugin, the fuzz package) is held
# to .swift-format; CI runs make lint.
FORMAT_PATHS ?= Package.swift Sources Plugins Tests Fuzz/Package.swift Fuzz/Sources

format: ## Format the Swift sources in FORMAT_PATHS with swift-format (.swift-format)
	$(SWIFT) format format -i -r $(FORMAT_PATHS)

lint: ## Check FORMAT_PATHS against .swift-format (no change made; fails on any finding)
	$(SWIFT) format lint --strict -r $(FORMAT_PATHS)

test-install: ## Exercise every install path: the recipes with the packages hidden (simulated), in a throwaway root, make install/uninstall
	bash Tests/Install/install-paths.sh
	bash Tests/Install/throwaway-root.sh
	bash Tests/Install/check-install.sh

BINDIR = $(DESTDIR)$(PREFIX)/bin
BASHCOMPDIR = $(DESTDIR)$(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR = $(DESTDIR)$(PREFIX)/share/zsh/site-functions
MANDIR = $(DESTDIR)$(PREFIX)/share/man/man1

install: build ## Install plan-assembler (templates built in), bash and zsh completions and the man page under PREFIX (default /usr/local)
	install -d "$(BINDIR)" "$(BASHCOMPDIR)" "$(ZSHCOMPDIR)" "$(MANDIR)"
	install -m 755 $(BIN) "$(BINDIR)/plan-assembler"
	$(BIN) --generate-completion-script bash >"$(BASHCOMPDIR)/plan-assembler.tmp" && mv "$(BASHCOMPDIR)/plan-assembler.tmp" "$(BASHCOMPDIR)/plan-assembler"
	$(BIN) --generate-completion-script zsh >"$(ZSHCOMPDIR)/_plan-assembler.tmp" && mv "$(ZSHCOMPDIR)/_plan-assembler.tmp" "$(ZSHCOMPDIR)/_plan-assembler"
	$(BIN) generate-manual >"$(MANDIR)/plan-assembler.1.tmp" && mv "$(MANDIR)/plan-assembler.1.tmp" "$(MANDIR)/plan-assembler.1"
	@echo "installed $(BINDIR)/plan-assembler; try: plan-assembler --version, man plan-assembler"

uninstall: ## Remove what make install put under PREFIX
	rm -f "$(BINDIR)/plan-assembler" "$(BASHCOMPDIR)/plan-assembler" "$(ZSHCOMPDIR)/_plan-assembler" "$(MANDIR)/plan-assembler.1"

evaluate: build ## Score the extraction on text no rule was written for (the frozen set, ../shared/realdocs) and hold it to the targets; build the frozen set and compare its conflicts with a reader's
	@mkdir -p $(OUTPUT)/evaluation
	python3 Tests/Evaluation/score.py --bin $(BIN) $(foreach s,$(EVAL_SETS),--set $(s)) --json $(OUTPUT)/evaluation/scores.json > $(OUTPUT)/evaluation/scores.txt
	@grep -E '^TOTAL|^   [a-z]' $(OUTPUT)/evaluation/scores.txt | grep -v columns
	python3 Tests/Evaluation/gate.py $(OUTPUT)/evaluation/scores.json
	$(BIN) build Tests/Evaluation/frozen/docs --out $(OUTPUT)/evaluation/frozen-build --no-cache --quiet
	python3 Tests/Evaluation/conflicts.py $(OUTPUT)/evaluation/frozen-build/master-plan.json Tests/Evaluation/frozen/expected-conflicts.json

conformance: build ## Read every file of the public corpus (CORPUS=../shared/corpus) and report agreement with pandoc and python-docx
	@if [ ! -d "$(CORPUS)/docx" ]; then echo "conformance: no corpus at $(CORPUS), skipped"; exit 0; fi
	python3 Tests/Conformance/conformance.py --bin $(BIN) --corpus $(CORPUS) --out $(OUTPUT)/conformance

check-docx: deps-check-docx ## Check Output/master-plan.docx and master-plan-outline.docx: python-docx, LibreOffice, the OOXML schemas (installs them if missing)
	bash scripts/check-docx.sh $(OUTPUT)/master-plan.docx
	@if [ -f $(OUTPUT)/master-plan-outline.docx ]; then bash scripts/check-docx.sh $(OUTPUT)/master-plan-outline.docx; fi

check-feedback: deps-check-docx ## Check Output/feedback/ against Inputs/: parts kept, same text, schema (xmllint), python-docx, LibreOffice
	python3 scripts/check-feedback.py $(INPUTS) $(OUTPUT)/feedback --binary $(BIN) --libreoffice

preview: deps-preview ## Render the first pages of both editions (master-plan.docx, master-plan-outline.docx) to PNG in Output/preview/ (LibreOffice + pdftoppm)
	bash scripts/preview-docx.sh $(OUTPUT)/master-plan.docx $(OUTPUT)/preview
	bash scripts/preview-docx.sh $(OUTPUT)/master-plan-outline.docx $(OUTPUT)/preview

report-screenshot: deps-report-screenshot ## Screenshot Output/report.html with headless Chromium into Output/report.png (installs chromium if missing)
	bash scripts/report-screenshot.sh $(OUTPUT)/report.html $(OUTPUT)/report.png

fixtures: deps-fixtures ## Rebuild Inputs/ from Tests/Fixtures/drafts/src (installs pandoc, LibreOffice, python-docx)
	bash Tests/Fixtures/drafts/build_inputs.sh

verify-fixtures: ## Check that every draft in Inputs/ converts with LibreOffice and loads in python-docx
	bash Tests/Fixtures/drafts/verify_inputs.sh

BENCH_SIZES ?= 35,200,1000
BENCH_RUNS ?= 3
BENCH_ARGS ?=

bench: build deps-bench ## Benchmarks, not a test: reader vs C floor, pandoc, python-docx; build on BENCH_SIZES drafts (BENCH_SIZES=35,200,1000,10000 for the big run); figures into Tests/Benchmarks/README.md
	python3 Tests/Benchmarks/bench.py --bin $(BIN) --sizes $(BENCH_SIZES) --runs $(BENCH_RUNS) --update-readme $(BENCH_ARGS)

FUZZ_SECONDS ?= 600

fuzz: deps ## Fuzz the reader with libFuzzer + AddressSanitizer for FUZZ_SECONDS (split across targets); findings in Output/fuzz/
	bash scripts/fuzz.sh $(FUZZ_SECONDS)

clean: ## Remove build products and generated outputs
	rm -rf .build
	find $(OUTPUT) -mindepth 1 ! -name .gitkeep -exec rm -rf {} +
