package passes

import (
	"strings"
	"testing"

	"github.com/eksauthgen/eksauthgen/generator/ir"
)

func TestGoDoc(t *testing.T) {
	long := strings.Repeat("word ", 20)
	tests := []struct {
		desc  string
		in    string
		extra []string
		want  string
	}{
		{
			desc: "empty",
			in:   " \n ",
			want: "",
		},
		{
			desc: "plain text, entities decoded, white space normalized",
			in:   "  The name of\n   the <code>cluster</code> &amp; its &lt;id&gt;.&nbsp;Done. ",
			want: "The name of the cluster & its <id>. Done.",
		},
		{
			desc: "paragraphs, inline tags transparent, no space added between tags",
			in:   "<p>First <b>bold</b> <i>it</i>alic.</p><p>Second<code>X</code>s.</p>",
			want: "First bold italic.\n\nSecondXs.",
		},
		{
			desc: "lines filled to 77 columns",
			in:   "<p>" + long + long + "</p>",
			want: strings.TrimSpace(strings.Repeat("word ", 15)) + "\n" + strings.TrimSpace(strings.Repeat("word ", 15)) + "\n" + strings.TrimSpace(strings.Repeat("word ", 10)),
		},
		{
			desc: "a word longer than a line gets a line of its own",
			in:   "see " + strings.Repeat("x", 90) + " now",
			want: "see\n" + strings.Repeat("x", 90) + "\nnow",
		},
		{
			desc: "bullet list",
			in:   "<p>Values:</p><ul><li><p><code>A</code> - first</p></li><li>second</li><li></li></ul>",
			want: "Values:\n\n  - A - first\n  - second",
		},
		{
			desc: "numbered list with a nested bullet list: gofmt moves it into the item",
			in:   "<p>List:</p><ol><li>one</li><li>two<ul><li>inner</li></ul></li></ol>",
			want: "List:\n\n 1. one\n\n 2. two\n\n    - inner",
		},
		{
			desc: "nested list of the same kind joins the outer list",
			in:   "<p>List:</p><ul><li>a<ul><li>b</li></ul></li><li>c</li></ul>",
			want: "List:\n\n  - a\n  - b\n  - c",
		},
		{
			desc: "list item with two paragraphs makes a loose list",
			in:   "<p>List:</p><ul><li><p>a</p><p>a2</p></li><li>b</li></ul>",
			want: "List:\n\n  - a\n\n    a2\n\n  - b",
		},
		{
			desc: "list item text wraps with a four-space indent",
			in:   "<p>List:</p><ul><li>" + long + "</li></ul>",
			want: "List:\n\n  - " + strings.TrimSpace(strings.Repeat("word ", 14)) + "\n    " + strings.TrimSpace(strings.Repeat("word ", 6)),
		},
		{
			desc: "a comment made only of lists keeps the markers in paragraphs",
			in:   "<ol><li><p>one</p><p>more</p></li><li>two</li></ol><ul><li>x</li></ul>",
			want: "1. one\n\nmore\n\n2. two\n\n- x",
		},
		{
			desc: "pre becomes a code block, indentation kept relative, */ broken",
			in:   "<p>Example:</p><pre><code>\n    {\n      \"a\": \"/* x */\"\n    }\n</code></pre>",
			want: "Example:\n\n\t{\n\t  \"a\": \"/* x * /\"\n\t}",
		},
		{
			desc: "multi-line code alone in a paragraph becomes a code block",
			in:   "<p>Use:</p><p><code>a := 1\nb := 2</code></p>",
			want: "Use:\n\n\ta := 1\n\tb := 2",
		},
		{
			desc: "links become [text] with definitions at the end",
			in:   `<p>See <a href="https://docs.aws.amazon.com/x.html">the guide</a> and <a href="https://docs.aws.amazon.com/x.html">the guide</a>.</p>`,
			want: "See [the guide] and [the guide].\n\n[the guide]: https://docs.aws.amazon.com/x.html",
		},
		{
			desc: "link text reused with another URL, URL as text, relative and bracketed links",
			in:   `<a href="https://a.example">A</a> <a href="https://b.example">A</a> <a href="https://c.example">https://c.example</a> <a href="/rel">rel</a> <a href="https://d.example">[d]</a>`,
			want: "[A] A (https://b.example) https://c.example rel [d] (https://d.example)\n\n[A]: https://a.example",
		},
		{
			desc: "a long link text may break across lines",
			in:   strings.Repeat("word ", 13) + `<a href="https://e.example">a long link text here</a> end`,
			want: strings.TrimSpace(strings.Repeat("word ", 13)) + " [a long link\ntext here] end\n\n[a long link text here]: https://e.example",
		},
		{
			desc: "note and br end paragraphs",
			in:   "<p>Text<br/>more</p><note><p>Careful.</p></note>",
			want: "Text\n\nmore\n\nCareful.",
		},
		{
			desc:  "extra paragraphs after the docs and before link definitions",
			in:    `<p>The <a href="https://f.example">ARN</a>.</p>`,
			extra: []string{requiredDoc, "Deprecated: Use Other."},
			want:  "The [ARN].\n\nThis member is required.\n\nDeprecated: Use Other.\n\n[ARN]: https://f.example",
		},
		{
			desc:  "extra paragraphs alone",
			extra: []string{requiredDoc},
			want:  "This member is required.",
		},
		{
			desc: "a one-line paragraph between paragraphs reads as a heading, as gofmt says",
			in:   "<p>Intro.</p><p>Examples</p><p>More text.</p>",
			want: "Intro.\n\n# Examples\n\nMore text.",
		},
		{
			desc: "malformed HTML is recovered",
			in:   "<p>Unclosed <b>bold <ul><li>item</p> tail",
			want: "Unclosed bold\n\n  - item\n\n    tail",
		},
		{
			desc: "control characters dropped",
			in:   "a\x00b\x07c",
			want: "abc",
		},
	}
	for _, tt := range tests {
		if got := goDoc(tt.in, tt.extra...); got != tt.want {
			t.Errorf("%s:\ngoDoc(%q)\n got: %q\nwant: %q", tt.desc, tt.in, got, tt.want)
		}
	}
}

func TestConvertDocs(t *testing.T) {
	target := ntShape("ns#Name", ir.StringType)
	target.Traits.Documentation = "<p>A name.</p>"
	s := ntShape("ns#S", ir.StructureType, "documented", "inherits:ns#Name", "required", "old")
	s.Traits.Documentation = "<p>A structure.</p>"
	s.Traits.Deprecated = &ir.Deprecated{Since: "2020"}
	s.Members[0].Traits.Documentation = "Own docs."
	s.Members[2].Traits.Required = true
	s.Members[3].Traits.Deprecated = &ir.Deprecated{Message: "Use documented."}
	u := ntShape("ns#U", ir.UnionType, "v:ns#Name")
	u.Members[0].Traits.Required = true // not a field: no sentence
	e := ntShape("ns#E", ir.StringType)
	e.Traits.LegacyEnum = []ir.EnumDefinition{{Value: "a", Doc: "<p>The A.</p>", Deprecated: true}, {Value: "b"}}
	op := ntOp("ns#Op", "", "")
	op.Traits.Deprecated = &ir.Deprecated{}
	m := ntModel(nil, target, s, u, e, op)
	if err := convertLegacyEnums(m); err != nil {
		t.Fatal(err)
	}
	if err := convertDocs(m); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		desc, got, want string
	}{
		{"shape docs with deprecation since", s.Doc, "A structure.\n\nDeprecated: This type has been deprecated since 2020."},
		{"member's own docs", s.Members[0].Doc, "Own docs."},
		{"member without docs takes its target's", s.Members[1].Doc, "A name."},
		{"required member", s.Members[2].Doc, "This member is required."},
		{"deprecated member", s.Members[3].Doc, "Deprecated: Use documented."},
		{"union member: target docs, no required sentence", u.Members[0].Doc, "A name."},
		{"legacy enum definition", e.Members[0].Doc, "The A.\n\nDeprecated: This member has been deprecated."},
		{"legacy enum definition without docs", e.Members[1].Doc, ""},
		{"deprecated operation without message", op.Doc, "Deprecated: This operation has been deprecated."},
		{"undocumented shape", u.Doc, ""},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.desc, tt.got, tt.want)
		}
	}
}
