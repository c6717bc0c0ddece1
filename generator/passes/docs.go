package passes

import (
	"bytes"
	"go/doc/comment"
	"slices"
	"strings"

	"github.com/eksauthgen/eksauthgen/generator/ir"
)

// docWidth is the number of text columns of a doc comment line, after "// ".
const docWidth = 77

// requiredDoc is the paragraph the AWS SDK for Go v2 adds to the docs of
// required members.
const requiredDoc = "This member is required."

// convertDocs turns the HTML documentation of the model into Go doc comment
// text (see goDoc).
//
// Needs: typed traits (Traits.Documentation, Required, Deprecated), the
// legacyenums pass, and the service pass (m.Shapes() pruned to what the
// service reaches). Independent of the names pass.
//
// Guarantees: Shape.Doc of every shape and Member.Doc of every member is
// set, "" when there is nothing to say. A member of a structure or union without documentation
// takes its target's, as the SDK does. The docs of a required structure
// member end with the paragraph "This member is required.", and those of a
// deprecated shape or member with a "Deprecated: <message>" paragraph. Never
// fails.
func convertDocs(m *ir.Model) error {
	// Many members share a text (their target's, or a copied one): each
	// distinct text and extra paragraphs are converted once.
	memo := map[string]string{}
	convert := func(src string, extra ...string) string {
		key := src + "\x00" + strings.Join(extra, "\x00")
		d, ok := memo[key]
		if !ok {
			d = goDoc(src, extra...)
			memo[key] = d
		}
		return d
	}
	for _, s := range m.Shapes() {
		s.Doc = convert(s.Traits.Documentation, deprecatedDoc(s.Traits.Deprecated, "This "+docKind(s)+" has been deprecated."))
		for _, mem := range s.Members {
			src := mem.Traits.Documentation
			if src == "" && (s.Type == ir.StructureType || s.Type == ir.UnionType) {
				if t := m.Target(mem); t != nil {
					src = t.Traits.Documentation
				}
			}
			var extra []string
			if mem.Traits.Required && s.Type == ir.StructureType {
				extra = append(extra, requiredDoc)
			}
			if d := deprecatedDoc(mem.Traits.Deprecated, "This member has been deprecated."); d != "" {
				extra = append(extra, d)
			}
			mem.Doc = convert(src, extra...)
		}
	}
	return nil
}

// docKind names what a shape is in the generated code.
func docKind(s *ir.Shape) string {
	switch s.Type {
	case ir.OperationType:
		return "operation"
	case ir.ServiceType:
		return "service"
	}
	return "type"
}

// deprecatedDoc returns the "Deprecated: " paragraph for a deprecated trait,
// or "" when d is nil; fallback is used when the trait has no message.
func deprecatedDoc(d *ir.Deprecated, fallback string) string {
	if d == nil {
		return ""
	}
	msg := strings.TrimSpace(d.Message)
	if msg == "" {
		msg = fallback
		if d.Since != "" {
			msg = strings.TrimSuffix(fallback, ".") + " since " + d.Since + "."
		}
	}
	return "Deprecated: " + msg
}

// goDoc converts HTML documentation, followed by plain-text paragraphs
// extra, into Go doc comment text: lines without the "// " prefix, joined by
// "\n", blank lines between blocks, links defined at the end (see
// docBuilder). Paragraph lines are filled to docWidth columns. The result is
// in the canonical form gofmt gives doc comments (formatting it again
// changes nothing) and never contains "*/" (written "* /"), so it can go in
// a block comment. It is "" when there is no text.
func goDoc(src string, extra ...string) string {
	b := docBuilder{width: docWidth}
	if strings.TrimSpace(src) != "" {
		b.build(src)
	}
	for _, e := range extra {
		b.text(e)
		b.flush()
	}
	if len(b.blocks) == 0 {
		return ""
	}
	if !slices.ContainsFunc(b.blocks, isParagraph) {
		b.blocks = listsAsParagraphs(b.blocks)
	}
	var pr comment.Printer
	var ps comment.Parser
	out := pr.Comment(&comment.Doc{Content: b.blocks, Links: b.defs})
	// Reformat until stable, as gofmt would: a one-line paragraph may read
	// as a heading, adjacent lists may merge. One round is enough for every
	// documentation string of the shared AWS models; three bound the loop.
	for range 3 {
		next := pr.Comment(ps.Parse(string(out)))
		if bytes.Equal(next, out) {
			break
		}
		out = next
	}
	return strings.ReplaceAll(strings.TrimRight(string(out), "\n"), "*/", "* /")
}

func isParagraph(b comment.Block) bool {
	_, ok := b.(*comment.Paragraph)
	return ok
}

// listsAsParagraphs writes each list item as paragraphs, the first starting
// with the item's marker ("- " or "1. "). gofmt removes the indentation that
// all lines of a comment share, so a comment made only of lists would turn
// into a paragraph of run-together items (and a second paragraph of an item
// into a code block).
func listsAsParagraphs(blocks []comment.Block) []comment.Block {
	var out []comment.Block
	for _, b := range blocks {
		l, ok := b.(*comment.List)
		if !ok {
			out = append(out, b)
			continue
		}
		for _, item := range l.Items {
			marker := "- "
			if item.Number != "" {
				marker = item.Number + ". "
			}
			for i, c := range item.Content {
				p, ok := c.(*comment.Paragraph)
				if !ok {
					continue
				}
				if i == 0 {
					p = &comment.Paragraph{Text: append([]comment.Text{comment.Plain(marker)}, p.Text...)}
				}
				out = append(out, p)
			}
		}
	}
	return out
}
