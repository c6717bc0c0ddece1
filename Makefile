# eksauthgen: generate, check and test. See README.md.

GO ?= go
SHARED ?= ../shared
AMP_MODEL := $(SHARED)/aws-models/amp/service/2020-08-01/amp-2020-08-01.json
# Generates the amp client and mock into interop/amp.
AMP_GENERATE = $(GO) run ./cmd/eksauthgen -model $(AMP_MODEL) -out interop/amp -pkg amp -import-path github.com/eksauthgen/eksauthgen/interop/amp

.PHONY: all generate check test unit golden corpus corpus-ci protocol-tests interop bench fuzz

all: test

# Regenerate generated/eksauth from models/eks-auth-2023-11-26.json.
generate:
	$(GO) run ./cmd/eksauthgen

# Fail when generated/ is stale, go vet complains or a file needs gofmt.
check:
	$(GO) run ./cmd/eksauthgen -check
	$(GO) vet ./...
	@unformatted="$$(gofmt -l .)"; \
	if [ -n "$$unformatted" ]; then echo "gofmt -l: these files need gofmt:"; echo "$$unformatted"; exit 1; fi

# Everything CI runs.
test: check unit interop protocol-tests corpus-ci

# The unit, golden and generated-code tests (with seed corpora), under the race detector.
unit:
	$(GO) test -race -timeout 30m ./...

# Rewrite the golden/*.txtar archives with the current output.
golden:
	$(GO) test ./generator -run Golden -update

# Generate, compile, vet and test every model in $(SHARED)/aws-models.
corpus:
	$(GO) run ./internal/cmd/corpus -shared $(SHARED)

# The representative subset of the corpus that CI runs.
corpus-ci:
	$(GO) run ./internal/cmd/corpus -shared $(SHARED) -subset ci

# Generate Smithy's restJson1 compliance suites and run their tests.
protocol-tests:
	$(GO) run ./internal/cmd/protocoltests -shared $(SHARED)

# Generate the amp client and mock and run them against the AWS SDK for Go v2 amp client.
interop:
	@if [ ! -f "$(AMP_MODEL)" ]; then echo "interop: skipped, $(AMP_MODEL) not found"; exit 0; fi; \
	$(AMP_GENERATE) && \
	cd interop && $(GO) vet ./... && $(GO) test -race -count=1 ./...

# Benchmarks: generator speed, client and mock costs (and against the AWS SDK in interop/).
bench:
	$(GO) test -bench=. -benchmem -run='^$$' ./...
	@if [ ! -f "$(AMP_MODEL)" ]; then echo "bench: interop benchmarks skipped, $(AMP_MODEL) not found"; exit 0; fi; \
	$(AMP_GENERATE) && \
	cd interop && $(GO) test -bench=. -benchmem -run='^$$' ./...

# Run every fuzz target for FUZZTIME each.
FUZZTIME ?= 60s
fuzz:
	@set -e; for target in \
		FuzzParse:./generator/smithy \
		FuzzGenerate:./generator \
		FuzzDecode:./templates/awsrt \
		FuzzMockHandler:./generated \
		FuzzClientResponse:./generated; do \
		name=$${target%%:*}; pkg=$${target#*:}; \
		echo "fuzz: $$name ($$pkg) for $(FUZZTIME)"; \
		$(GO) test -run '^$$' -fuzz "^$$name\$$" -fuzztime $(FUZZTIME) $$pkg; \
	done
