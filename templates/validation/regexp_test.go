package validation

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// patternCases are patterns as AWS models write them, and some the fast
// path must refuse.
var patternCases = []struct {
	expr string
	fast bool
}{
	{`^[A-Za-z0-9-_=]+\.[A-Za-z0-9-_=]+\.[A-Za-z0-9-_=]+$`, true},
	{`^[0-9A-Za-z][A-Za-z0-9\-_]*$`, true},
	{`^arn:aws[a-z-]*:iam::\d{12}:role/.+$`, false}, // [a-z-]* overlaps the ':' ? no: then \d{12} fixed, then .+ at the end
	{`^[a-z]{2,4}[0-9]?$`, true},
	{`^a?b$`, true},
	{`^$`, true},
	{`^[a-z]*[a-z0-9]$`, false},    // overlapping classes: greedy would be wrong
	{`^[a-z]*[0-9]*$`, true},       // disjoint classes: greedy is right
	{`^[a-z]*[0-9]*[a-c]$`, false}, // [a-c] overlaps [a-z] before the next mandatory element
	{`[a-z]+`, false},              // unanchored
	{`^(ab)+$`, false},             // a group
	{`^(?i)abc$`, false},           // case folding
	{`^[a-z]+?1$`, false},          // non-greedy
	{`^\S+$`, true},
	{`^.{1,5}$`, true},
}

func TestRegexpMatchesLikeRegexp(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []rune("abcXYZ019-_=.:/ \n\té")
	exprs := make([]string, 0, len(patternCases))
	for _, c := range patternCases {
		exprs = append(exprs, c.expr)
	}
	exprs = append(exprs, sharedModelPatterns(t)...)
	fastCount := 0
	for _, expr := range exprs {
		if _, err := regexp.Compile(expr); err != nil {
			continue
		}
		p := MustCompile(expr)
		if p.steps != nil {
			fastCount++
		}
		inputs := []string{"", "a", "abc.def.ghi", "arn:aws:iam::123456789012:role/x", "ab1", "b", "x.y"}
		for range 300 {
			n := rng.IntN(14)
			var b strings.Builder
			for range n {
				b.WriteRune(alphabet[rng.IntN(len(alphabet))])
			}
			inputs = append(inputs, b.String())
		}
		for range 50 {
			inputs = append(inputs, sample(rng, p.steps))
		}
		for _, in := range inputs {
			if got, want := p.MatchString(in), p.re.MatchString(in); got != want {
				t.Errorf("pattern %q on %q: got %v, regexp says %v", expr, in, got, want)
			}
		}
	}
	t.Logf("%d patterns, %d on the fast path", len(exprs), fastCount)
}

// sample builds a string that the steps of a fast pattern accept (before
// any mutation), with a chance of one rune changed, so that both outcomes
// are compared.
func sample(rng *rand.Rand, steps []step) string {
	var b []rune
	for _, st := range steps {
		n := st.min + rng.IntN(3)
		if st.max >= 0 && n > st.max {
			n = st.max
		}
		for range n {
			k := rng.IntN(len(st.class)/2) * 2
			lo, hi := st.class[k], st.class[k+1]
			b = append(b, lo+rune(rng.Int64N(int64(hi-lo)+1)))
		}
	}
	if len(b) > 0 && rng.IntN(4) == 0 {
		b[rng.IntN(len(b))] = '#'
	}
	return string(b)
}

func TestRegexpFastPathChosen(t *testing.T) {
	for _, c := range patternCases {
		if c.expr == `^arn:aws[a-z-]*:iam::\d{12}:role/.+$` {
			continue // either way is correct; checked by TestPatternMatchesLikeRegexp
		}
		if got := fastSteps(c.expr) != nil; got != c.fast {
			t.Errorf("%q: fast path %v, want %v", c.expr, got, c.fast)
		}
	}
}

// sharedModelPatterns returns the @pattern values of the shared AWS models,
// or none when ../shared is absent.
func sharedModelPatterns(t *testing.T) []string {
	files, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "aws-models", "*", "service", "*", "*.json"))
	if len(files) == 0 {
		t.Log("../shared/aws-models not found: checking the built-in patterns only")
		return nil
	}
	seen := map[string]bool{}
	var out []string
	re := regexp.MustCompile(`"smithy\.api#pattern":\s*"((?:[^"\\]|\\.)*)"`)
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range re.FindAllSubmatch(b, -1) {
			s := strings.NewReplacer(`\\`, `\`, `\"`, `"`, `\/`, `/`).Replace(string(m[1]))
			if !seen[s] {
				seen[s] = true
				out = append(out, s)
			}
		}
	}
	return out
}

func BenchmarkRegexp(b *testing.B) {
	const expr = `^[A-Za-z0-9-_=]+\.[A-Za-z0-9-_=]+\.[A-Za-z0-9-_=]+$`
	token := strings.Repeat("eyJhbGciOiJSUzI1NiJ9", 20) + "." + strings.Repeat("eyJzdWIiOiJ4In0", 40) + "." + strings.Repeat("c2ln", 60)
	b.Run("fast", func(b *testing.B) {
		p := MustCompile(expr)
		for b.Loop() {
			if !p.MatchString(token) {
				b.Fatal("no match")
			}
		}
	})
	b.Run("regexp", func(b *testing.B) {
		re := regexp.MustCompile(expr)
		for b.Loop() {
			if !re.MatchString(token) {
				b.Fatal("no match")
			}
		}
	})
}
