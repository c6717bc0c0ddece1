# eksauthgen: generate, check and test. See README.md.

GO ?= go

.PHONY: all generate check test golden corpus-typecheck bench

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
test: check
	$(GO) test -timeout 30m ./...

# Rewrite the golden/*.txtar archives with the current output.
golden:
	$(GO) test ./generator -run Golden -update

# Generate and type-check every model in ../shared/aws-models, verbosely.
corpus-typecheck:
	$(GO) test ./generator -run 'Corpus|EKSAuthAPI' -count=1 -v

bench:
	$(GO) test -bench=. -benchmem -run='^$$' ./...
