package passes

import (
	"go/doc/comment"
	"strings"
	"unicode"
	"unicode/utf8"
)

// docWord is a word of a paragraph: the pieces of one or more runs with no
// white space between them.
type docWord struct {
	parts []docRun
	width int // columns, counting the brackets of the links in it
}

// wrapParagraph returns the paragraph of runs with its lines filled up to
// width columns (a longer word gets a line of its own), or nil when the runs
// hold no text. Lines never start with white space, so no line of a
// paragraph can turn into a code block or list item.
func wrapParagraph(runs []docRun, defs []*comment.LinkDef, width int) *comment.Paragraph {
	words := splitWords(runs)
	if len(words) == 0 {
		return nil
	}
	var out []comment.Text
	var seg strings.Builder
	segLink, segOcc := -1, -1
	flushSeg := func() {
		if seg.Len() == 0 {
			return
		}
		if segLink < 0 {
			out = append(out, comment.Plain(seg.String()))
		} else {
			out = append(out, &comment.Link{Text: []comment.Text{comment.Plain(seg.String())}, URL: defs[segLink].URL})
		}
		seg.Reset()
	}
	emit := func(text string, link, occ int) {
		if occ != segOcc {
			flushSeg()
			segLink, segOcc = link, occ
		}
		seg.WriteString(text)
	}
	col := 0
	for i, w := range words {
		if i > 0 {
			sep := " "
			if col+1+w.width > width {
				sep, col = "\n", 0
			} else {
				col++
			}
			prev := words[i-1].parts[len(words[i-1].parts)-1]
			if next := w.parts[0]; prev.occ >= 0 && prev.occ == next.occ {
				emit(sep, prev.link, prev.occ)
			} else {
				emit(sep, -1, -1)
			}
		}
		for _, p := range w.parts {
			emit(p.text, p.link, p.occ)
		}
		col += w.width
	}
	flushSeg()
	return &comment.Paragraph{Text: out}
}

// splitWords splits runs at white space (which it drops, so runs of white
// space count as one) and drops control characters.
func splitWords(runs []docRun) []docWord {
	var words []docWord
	inWord := false
	for _, r := range runs {
		opened := false
		s := cleanControl(r.text)
		for i := 0; i < len(s); {
			c, size := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(c) {
				inWord = false
				i += size
				continue
			}
			j := i + size
			for j < len(s) {
				c, size = utf8.DecodeRuneInString(s[j:])
				if unicode.IsSpace(c) {
					break
				}
				j += size
			}
			if !inWord {
				words = append(words, docWord{})
				inWord = true
			}
			w := &words[len(words)-1]
			if n := len(w.parts); n > 0 && w.parts[n-1].occ == r.occ {
				w.parts[n-1].text += s[i:j]
			} else {
				w.parts = append(w.parts, docRun{s[i:j], r.link, r.occ})
			}
			if r.occ >= 0 && !opened {
				w.width++ // "["
				opened = true
			}
			w.width += utf8.RuneCountInString(s[i:j])
			i = j
		}
		if opened {
			words[len(words)-1].width++ // "]"
		}
	}
	return words
}
