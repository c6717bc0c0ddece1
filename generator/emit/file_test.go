package emit

import (
	"bytes"
	"testing"
)

// separateDeclsByLines is the line-splitting form of separateDecls that
// the one-pass version must match.
func separateDeclsByLines(src []byte) []byte {
	lines := bytes.SplitAfter(src, []byte("\n"))
	var out bytes.Buffer
	for i, l := range lines {
		out.Write(l)
		end := bytes.TrimRight(l, "\n")
		if (bytes.Equal(end, []byte("}")) || bytes.Equal(end, []byte(")"))) &&
			i+1 < len(lines) && len(bytes.TrimSpace(lines[i+1])) > 0 {
			out.WriteByte('\n')
		}
	}
	return out.Bytes()
}

func TestSeparateDecls(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"}", "}"},
		{"}\n", "}\n"},
		{"}\nx", "}\n\nx"},
		{"func f() {\n}\nfunc g() {\n}\n", "func f() {\n}\n\nfunc g() {\n}\n"},
		{"var (\n\tx = 1\n)\ntype T int\n", "var (\n\tx = 1\n)\n\ntype T int\n"},
		{"}\n\nx\n", "}\n\nx\n"},
		{"}\n \t\nx\n", "}\n \t\nx\n"},
		{"\t}\nx\n", "\t}\nx\n"},
		{"})\nx\n", "})\nx\n"},
		{"}\n}\n)\nx", "}\n\n}\n\n)\n\nx"},
		{"}\n\u00a0\nx", "}\n\u00a0\nx"},
	}
	for _, tt := range tests {
		got := separateDecls([]byte(tt.in))
		if string(got) != tt.want {
			t.Errorf("separateDecls(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if ref := separateDeclsByLines([]byte(tt.in)); !bytes.Equal(got, ref) {
			t.Errorf("separateDecls(%q) = %q, the line-splitting form gives %q", tt.in, got, ref)
		}
	}
}
