package smithy

import (
	"testing"

	"github.com/eksauthgen/eksauthgen/generator/ir"
)

const posModel = `{
  "smithy": "2.0",
  "metadata": {"meta": [1]},
  "shapes": {
    "ns#Svc": {
      "type": "service",
      "rename": {"other#Thing": "OtherThing"}
    },
    "ns#Res": {
      "type": "resource",
      "identifiers": {"rid": {"target": "ns#Id"}},
      "read": {"target": "ns#Get"}
    },
    "ns#Struct": {
      "type": "structure",
      "members": {
        "first": {
          "target": "ns#Id",
          "traits": {"smithy.api#length": {"min": 1}}
        }
      },
      "traits": {
	"smithy.api#documentation": "tab-indented"
      }
    },
    "ns#Struct$first": {"type": "apply", "traits": {"ns#x": []}}
  }
}`

func TestParsePositions(t *testing.T) {
	m := mustParse(t, posModel)
	svc, res, st := m.Shape("ns#Svc"), m.Shape("ns#Res"), m.Shape("ns#Struct")
	first := st.Member("first")
	length, _ := first.Traits.Get(ir.TraitLength)
	min, _ := length.Value.Get("min")
	doc, _ := st.Traits.Get(ir.TraitDocumentation)
	tests := []struct {
		name   string
		got    ir.Pos
		needle string // the text the position must point at
	}{
		{"shape", st.Pos, `"ns#Struct"`},
		{"member", first.Pos, `"first"`},
		{"member trait", length.Pos, `"smithy.api#length"`},
		{"trait value", length.Value.Pos, `{"min"`},
		{"object key", length.Value.Fields[0].KeyPos, `"min"`},
		{"nested value", min.Pos, `1}}`},
		{"trait after a tab", doc.Pos, `"smithy.api#documentation"`},
		{"apply", m.Applies[0].Pos, `"ns#Struct$first"`},
		{"apply trait", m.Applies[0].Traits[0].Pos, `"ns#x"`},
		{"rename", svc.Rename[0].Pos, `"other#Thing"`},
		{"identifier", res.Identifiers[0].Pos, `"rid"`},
		{"lifecycle", res.Lifecycle[0].Pos, `"read"`},
		{"metadata key", m.Metadata[0].KeyPos, `"meta"`},
		{"metadata value", m.Metadata[0].Value.Items[0].Pos, `1]}`},
	}
	for _, tt := range tests {
		if want := posOf(t, posModel, tt.needle); tt.got != want {
			t.Errorf("%s: position %v, want %v", tt.name, tt.got, want)
		}
	}
	// Two positions written out by hand, so the test does not rest on posOf alone.
	if want := (ir.Pos{File: "t.json", Line: 14, Col: 5}); st.Pos != want {
		t.Errorf("shape position %v, want %v", st.Pos, want)
	}
	if want := (ir.Pos{File: "t.json", Line: 23, Col: 2}); doc.Pos != want {
		t.Errorf("documentation trait position %v, want %v", doc.Pos, want)
	}
}

func TestLineTable(t *testing.T) {
	src := "ab\n\ncd\r\nef"
	lines, deep := scanSource([]byte(src))
	if deep >= 0 {
		t.Fatalf("tooDeep = %d", deep)
	}
	// Out of order on purpose: the table caches the previous line.
	for _, off := range []int{9, 0, 1, 2, 3, 4, 8, 5, 6, 7, 10, 2} {
		line, col := lines.lineCol(off)
		wl, wc := lineCol(src, off)
		if line != wl || col != wc {
			t.Errorf("offset %d: %d:%d, want %d:%d", off, line, col, wl, wc)
		}
	}
}
