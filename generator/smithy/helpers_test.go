package smithy

import (
	"fmt"
	"strings"
	"testing"

	"github.com/eksauthgen/eksauthgen/generator/ir"
)

// model wraps shape entries into a Smithy 2.0 model.
func model(shapes string) string {
	return `{"smithy": "2.0", "shapes": {` + shapes + `}}`
}

// mustParse parses src and fails the test on error.
func mustParse(t *testing.T, src string) *ir.Model {
	t.Helper()
	m, err := Parse([]byte(src), "t.json")
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if m == nil {
		t.Fatal("Parse returned a nil model and no error")
	}
	return m
}

// nodeString renders a node as compact JSON, numbers as their literal text.
func nodeString(n ir.Node) string {
	var b strings.Builder
	writeNode(&b, n)
	return b.String()
}

func writeNode(b *strings.Builder, n ir.Node) {
	switch n.Kind {
	case ir.NullNode:
		b.WriteString("null")
	case ir.BoolNode:
		fmt.Fprint(b, n.Bool)
	case ir.NumberNode:
		b.WriteString(n.Str)
	case ir.StringNode:
		fmt.Fprintf(b, "%q", n.Str)
	case ir.ArrayNode:
		b.WriteByte('[')
		for i, it := range n.Items {
			if i > 0 {
				b.WriteByte(',')
			}
			writeNode(b, it)
		}
		b.WriteByte(']')
	case ir.ObjectNode:
		b.WriteByte('{')
		for i, f := range n.Fields {
			if i > 0 {
				b.WriteByte(',')
			}
			fmt.Fprintf(b, "%q:", f.Key)
			writeNode(b, f.Value)
		}
		b.WriteByte('}')
	}
}

// traitsString renders traits as id=value pairs in order.
func traitsString(ts ir.Traits) string {
	var parts []string
	for _, t := range ts.Raw {
		parts = append(parts, string(t.ID)+"="+nodeString(t.Value))
	}
	return strings.Join(parts, " ")
}

// shapeString renders the model facts of a shape on one line, for table
// tests.
func shapeString(s *ir.Shape) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s", s.Type, s.ID)
	if len(s.Traits.Raw) > 0 {
		fmt.Fprintf(&b, " traits[%s]", traitsString(s.Traits))
	}
	if len(s.Mixins) > 0 {
		fmt.Fprintf(&b, " mixins%v", s.Mixins)
	}
	for _, m := range s.Members {
		fmt.Fprintf(&b, " %s:%s->%s", m.Name, m.ID.Member(), m.Target)
		if m.ID.Root() != s.ID {
			fmt.Fprintf(&b, "(bad root %s)", m.ID)
		}
		if len(m.Traits.Raw) > 0 {
			fmt.Fprintf(&b, "[%s]", traitsString(m.Traits))
		}
	}
	if s.Input != "" || s.Output != "" {
		fmt.Fprintf(&b, " in=%s out=%s", s.Input, s.Output)
	}
	if len(s.Errors) > 0 {
		fmt.Fprintf(&b, " errors%v", s.Errors)
	}
	if s.Version != "" {
		fmt.Fprintf(&b, " version=%s", s.Version)
	}
	if len(s.Operations) > 0 {
		fmt.Fprintf(&b, " ops%v", s.Operations)
	}
	if len(s.Resources) > 0 {
		fmt.Fprintf(&b, " resources%v", s.Resources)
	}
	for _, r := range s.Rename {
		fmt.Fprintf(&b, " rename(%s=%s)", r.ID, r.Name)
	}
	for _, list := range []struct {
		name string
		bs   []ir.ResourceBinding
	}{{"id", s.Identifiers}, {"prop", s.Properties}, {"life", s.Lifecycle}} {
		for _, bd := range list.bs {
			fmt.Fprintf(&b, " %s(%s=%s)", list.name, bd.Name, bd.Target)
		}
	}
	if len(s.CollectionOperations) > 0 {
		fmt.Fprintf(&b, " collectionOps%v", s.CollectionOperations)
	}
	return b.String()
}

// lineCol computes the 1-based line and column of byte offset off in src,
// independently of the parser's line table.
func lineCol(src string, off int) (int, int) {
	line := strings.Count(src[:off], "\n") + 1
	col := off - (strings.LastIndex(src[:off], "\n") + 1) + 1
	return line, col
}

// posOf returns the position of the first occurrence of needle in src.
func posOf(t *testing.T, src, needle string) ir.Pos {
	t.Helper()
	off := strings.Index(src, needle)
	if off < 0 {
		t.Fatalf("%q not in source", needle)
	}
	line, col := lineCol(src, off)
	return ir.Pos{File: "t.json", Line: line, Col: col}
}
