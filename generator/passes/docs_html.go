package passes

import (
	"go/doc/comment"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// docBuilder turns the HTML of a documentation trait into the blocks of a Go
// doc comment (go.dev/doc/comment):
//
//   - <p>, <div>, <br>, <note>, <important>, headings, table rows and other
//     block elements end a paragraph;
//   - <ul>/<ol> items become list items ("  - x" / " 1. x"); Go lists do not
//     nest, so the items of a nested list of the same kind join the outer
//     list, and a nested list of the other kind becomes a list of its own;
//   - <pre>, and a <code> holding several lines on its own, become code
//     blocks (a code block ends an open list);
//   - <a href> with an absolute http(s) or mailto URL becomes a link "[text]"
//     with a link definition "[text]: URL" at the end of the comment; when the
//     text cannot be a link name (empty, the URL itself, brackets in it, or
//     already defined with another URL) it is written "text (URL)";
//   - every other element (<code>, <b>, <i>, <span>, ...) is transparent;
//   - entities are decoded and runs of white space become one space.
type docBuilder struct {
	blocks []comment.Block
	para   []docRun        // the paragraph being collected
	lists  []*docListState // the <ul>/<ol> elements open, innermost last
	list   *comment.List   // the Go list being filled, nil when none
	// listOrdered says whether list is numbered. A nested <ul>/<ol> of the
	// same kind adds its items to list; one of the other kind starts a list.
	listOrdered bool
	defs        []*comment.LinkDef
	occs        int // link occurrences so far
	width       int // text columns of a top-level paragraph
}

// docRun is a piece of paragraph text: plain when link < 0, else the text of
// one occurrence (occ) of the link defined by defs[link].
type docRun struct {
	text      string
	link, occ int
}

// docListState is an open <ul> or <ol>.
type docListState struct {
	ordered bool
	n       int               // items started so far
	item    *comment.ListItem // the item receiving paragraphs, nil when none
	fresh   bool              // an <li> started and has no paragraph yet
}

// build parses src as an HTML fragment and returns its blocks and links.
func (b *docBuilder) build(src string) {
	body := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
	nodes, err := html.ParseFragment(strings.NewReader(src), body)
	if err != nil {
		// The HTML5 parser recovers from any malformed markup; an error only
		// comes from the reader, which cannot fail on a string. Keep the
		// text as it is.
		b.text(src)
	}
	for _, n := range nodes {
		b.node(n)
	}
	b.flush()
	b.closeList()
}

// node adds one HTML node.
func (b *docBuilder) node(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		b.text(n.Data)
		return
	case html.ElementNode:
	default:
		return
	}
	switch strings.ToLower(n.Data) {
	case "script", "style", "head":
	case "a":
		b.anchor(n)
	case "pre":
		b.code(rawText(n))
	case "code":
		if t := rawText(n); strings.Contains(strings.TrimSpace(t), "\n") && aloneInBlock(n) {
			b.code(t)
		} else {
			b.children(n)
		}
	case "ul", "ol":
		ordered := strings.EqualFold(n.Data, "ol")
		b.flush()
		if b.list != nil && b.listOrdered != ordered {
			b.closeList()
		}
		b.lists = append(b.lists, &docListState{ordered: ordered})
		b.children(n)
		b.flush()
		b.lists = b.lists[:len(b.lists)-1]
		if len(b.lists) == 0 || b.lists[len(b.lists)-1].ordered != ordered {
			b.closeList()
		} else {
			b.lists[len(b.lists)-1].item = nil
		}
	case "li":
		b.flush()
		if len(b.lists) == 0 {
			b.lists = append(b.lists, &docListState{})
			defer func() { b.flush(); b.closeList(); b.lists = b.lists[:len(b.lists)-1] }()
		}
		top := b.lists[len(b.lists)-1]
		top.item, top.fresh = nil, true
		b.children(n)
		b.flush()
		top.item, top.fresh = nil, false
	case "td", "th":
		b.children(n)
		b.text(" ")
	case "p", "div", "br", "note", "important", "h1", "h2", "h3", "h4", "h5", "h6",
		"dl", "dt", "dd", "table", "tr", "thead", "tbody", "blockquote", "section",
		"fullname", "para", "title", "summary", "caption", "hr", "header", "footer":
		b.flush()
		b.children(n)
		b.flush()
	default:
		b.children(n)
	}
}

func (b *docBuilder) children(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		b.node(c)
	}
}

// text adds plain text to the paragraph.
func (b *docBuilder) text(s string) {
	if s == "" {
		return
	}
	if k := len(b.para) - 1; k >= 0 && b.para[k].link < 0 {
		b.para[k].text += s
		return
	}
	b.para = append(b.para, docRun{s, -1, -1})
}

// link adds an occurrence of the link defs[i] to the paragraph.
func (b *docBuilder) link(text string, i int) {
	b.occs++
	b.para = append(b.para, docRun{text, i, b.occs})
}

// anchor adds a link.
func (b *docBuilder) anchor(n *html.Node) {
	text := strings.Join(strings.Fields(rawText(n)), " ")
	url := ""
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, "href") {
			url = strings.TrimSpace(a.Val)
		}
	}
	if !linkableURL(url) {
		b.text(rawText(n))
		return
	}
	switch {
	case text == "" || text == url:
		b.text(url)
		return
	case strings.ContainsAny(text, "[]"):
		b.text(text + " (" + url + ")")
		return
	}
	for i, d := range b.defs {
		if d.Text == text {
			if d.URL == url {
				b.link(text, i)
			} else {
				b.text(text + " (" + url + ")")
			}
			return
		}
	}
	b.defs = append(b.defs, &comment.LinkDef{Text: text, URL: url, Used: true})
	b.link(text, len(b.defs)-1)
}

// linkableURL reports whether url can be the target of a Go doc link.
func linkableURL(url string) bool {
	if strings.ContainsAny(url, " \t\n\r") {
		return false
	}
	for _, p := range []string{"https://", "http://", "mailto:"} {
		if len(url) > len(p) && strings.EqualFold(url[:len(p)], p) {
			return true
		}
	}
	return false
}

// code adds a code block.
func (b *docBuilder) code(src string) {
	b.flush()
	text := codeText(src)
	if text == "" {
		return
	}
	b.closeList()
	b.blocks = append(b.blocks, &comment.Code{Text: text})
}

// flush ends the paragraph being collected, if it has any text.
func (b *docBuilder) flush() {
	runs := b.para
	b.para = nil
	width := b.width
	if len(b.lists) > 0 {
		width -= 4 // "  - " and the continuation indent
	}
	p := wrapParagraph(runs, b.defs, width)
	if p == nil {
		return
	}
	if len(b.lists) == 0 {
		b.blocks = append(b.blocks, p)
		return
	}
	top := b.lists[len(b.lists)-1]
	if top.item == nil {
		top.item = &comment.ListItem{}
		if top.fresh {
			top.n++
			if top.ordered {
				top.item.Number = strconv.Itoa(top.n)
			}
		}
		top.fresh = false
		if b.list == nil {
			b.list = &comment.List{ForceBlankBefore: true}
			b.listOrdered = top.ordered
		}
		b.list.Items = append(b.list.Items, top.item)
	}
	top.item.Content = append(top.item.Content, p)
}

// closeList ends the Go list being filled; later paragraphs of an open <li>
// start a new list.
func (b *docBuilder) closeList() {
	if b.list != nil && len(b.list.Items) > 0 {
		b.blocks = append(b.blocks, b.list)
	}
	b.list = nil
	for _, l := range b.lists {
		l.item = nil
	}
}

// rawText returns the text of n and its descendants, as written.
func rawText(n *html.Node) string {
	var sb strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			sb.WriteString(n.Data)
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.Br {
			sb.WriteByte('\n')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return sb.String()
}

// aloneInBlock reports whether n is the only non-blank content of its parent.
func aloneInBlock(n *html.Node) bool {
	for c := n.Parent.FirstChild; c != nil; c = c.NextSibling {
		if c != n && !(c.Type == html.TextNode && strings.TrimSpace(c.Data) == "") {
			return false
		}
	}
	return true
}

// codeText returns the lines of a code block: tabs kept, trailing white space
// and blank first and last lines dropped, the common indentation removed,
// ending in a newline; "" when there is no text.
func codeText(src string) string {
	src = strings.ReplaceAll(src, "\r\n", "\n")
	var lines []string
	for l := range strings.SplitSeq(src, "\n") {
		lines = append(lines, strings.TrimRight(cleanControl(l), " \t\u00a0"))
	}
	for len(lines) > 0 && lines[0] == "" {
		lines = lines[1:]
	}
	for len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	if len(lines) == 0 {
		return ""
	}
	indent := -1
	for _, l := range lines {
		if l == "" {
			continue
		}
		n := len(l) - len(strings.TrimLeft(l, " \t"))
		if indent < 0 || n < indent {
			indent = n
		}
	}
	var sb strings.Builder
	for _, l := range lines {
		if len(l) >= indent {
			l = l[indent:]
		}
		sb.WriteString(l)
		sb.WriteByte('\n')
	}
	return sb.String()
}

// cleanControl drops control characters other than tab.
func cleanControl(s string) string {
	return strings.Map(func(r rune) rune {
		if r < ' ' && r != '\t' || r == 0x7f {
			return -1
		}
		return r
	}, s)
}
